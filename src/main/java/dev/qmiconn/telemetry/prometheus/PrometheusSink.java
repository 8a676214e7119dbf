package dev.qmiconn.telemetry.prometheus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.telemetry.TelemetrySink;
import dev.qmiconn.telemetry.TelemetrySnapshot;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/**
 * Metrics for Prometheus: served on a listener ({@code /metrics}) and/or written as a node_exporter textfile.
 * {@link #publish} swaps the latest snapshot in (scrapes read it); the textfile is rewritten on the sink's own
 * thread, at once when the link state changes and otherwise at most every {@link #TEXTFILE_INTERVAL}: every
 * rewrite is an fsync'd file on what is often an SD card.
 */
public final class PrometheusSink implements TelemetrySink {

    static final Duration TEXTFILE_INTERVAL = Duration.ofSeconds(30);

    private final AtomicReference<TelemetrySnapshot> latest = new AtomicReference<>();
    private final QmiConnMetrics metrics = new QmiConnMetrics(latest::get);
    private final HTTPServer server;
    private final ExecutorService scrapes;
    private final TextfileWriter textfile;

    private PrometheusSink(Optional<InetSocketAddress> listen, Optional<Path> textfile, Consumer<String> events,
                           Duration textfileInterval) {
        this.textfile = textfile.map(p -> new TextfileWriter(p, this::render, events, textfileInterval))
                .orElse(null);
        if (listen.isEmpty()) {
            this.server = null;
            this.scrapes = null;
            return;
        }
        // one daemon thread answers scrapes: a Prometheus server asks every 15-60 s
        this.scrapes = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qmi-conn-metrics-http");
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HTTPServer.builder().inetAddress(listen.get().getAddress()).port(listen.get().getPort())
                    .registry(metrics.registry()).executorService(scrapes).buildAndStart();
        } catch (IOException e) {
            scrapes.shutdownNow();
            if (this.textfile != null) {
                this.textfile.close();
            }
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot listen for Prometheus on "
                    + listen.get().getAddress().getHostAddress() + ":" + listen.get().getPort() + ": "
                    + e.getMessage());
        }
        events.accept("prometheus: serving /metrics on " + listen.get().getAddress().getHostAddress() + ":"
                + server.getPort());
    }

    public static PrometheusSink open(Optional<InetSocketAddress> listen, Optional<Path> textfile,
                                      Consumer<String> events) {
        return new PrometheusSink(listen, textfile, events, TEXTFILE_INTERVAL);
    }

    /** For tests: a shorter textfile interval. */
    static PrometheusSink open(Optional<InetSocketAddress> listen, Optional<Path> textfile, Consumer<String> events,
                               Duration textfileInterval) {
        return new PrometheusSink(listen, textfile, events, textfileInterval);
    }

    /** The port actually bound (PROMETHEUS_LISTEN with port 0 binds a free one); -1 without a listener. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    @Override
    public void publish(TelemetrySnapshot snapshot) {
        TelemetrySnapshot before = latest.getAndSet(snapshot);
        if (textfile != null) {
            textfile.offer(snapshot, before == null || before.state() != snapshot.state());
        }
    }

    /** The exposition text of the latest snapshot, as the listener serves it. */
    public String render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            scrapes.shutdownNow();
        }
        if (textfile != null) {
            textfile.close();
        }
    }

    /** Writes the textfile atomically on its own thread; a failure is one line per change of outcome. */
    static final class TextfileWriter {
        private final Path path;
        private final java.util.function.Supplier<String> render;
        private final Consumer<String> events;
        private final long intervalMillis;
        private final Thread thread;
        private final Object lock = new Object();
        private boolean dirty;
        private boolean urgent;
        private boolean closed;
        private String lastProblem = "";

        TextfileWriter(Path path, java.util.function.Supplier<String> render, Consumer<String> events,
                       Duration interval) {
            this.path = path;
            this.render = render;
            this.events = events;
            this.intervalMillis = interval.toMillis();
            this.thread = new Thread(this::loop, "qmi-conn-metrics-textfile");
            thread.setDaemon(true);
            thread.start();
        }

        void offer(TelemetrySnapshot s, boolean stateChanged) {
            synchronized (lock) {
                dirty = true;
                urgent |= stateChanged;
                lock.notifyAll();
            }
        }

        private void loop() {
            long lastWrite = 0;
            while (true) {
                synchronized (lock) {
                    try {
                        while (!closed && !(dirty && (urgent || now() - lastWrite >= intervalMillis))) {
                            lock.wait(dirty ? Math.max(1, intervalMillis - (now() - lastWrite)) : 0);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (closed && !dirty) {
                        return;
                    }
                    dirty = false;
                    urgent = false;
                }
                write();
                lastWrite = now();
            }
        }

        private void write() {
            String problem = "";
            try {
                AtomicFiles.write(path, render.get(), java.nio.file.attribute.PosixFilePermissions
                        .fromString("rw-r--r--"));
            } catch (RuntimeException e) {
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            if (!problem.equals(lastProblem)) {
                events.accept(problem.isEmpty() ? "prometheus: writing " + path + " again"
                        : "prometheus: cannot write " + path + ": " + problem);
                lastProblem = problem;
            }
        }

        private static long now() {
            return System.nanoTime() / 1_000_000;
        }

        /** Writes what is pending, then stops (bounded: the thread is a daemon, joined for 2 s at most). */
        void close() {
            synchronized (lock) {
                closed = true;
                urgent = true;
                lock.notifyAll();
            }
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
