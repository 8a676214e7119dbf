package dev.qmiconn.emulator.at;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

import dev.qmiconn.emulator.UnixSocketServer;
import dev.qmiconn.log.Logs;

/**
 * Serves an {@link AtModemEmulator} on a filesystem Unix socket through the QMI emulator's own
 * {@link UnixSocketServer}: {@code socat PTY,link=DIR/ttyUSB0,raw,echo=0 UNIX-CONNECT:DIR/at.sock} (a
 * {@link dev.qmiconn.emulator.PtyBridge}) turns it into a serial port. Commands
 * end with CR (a LF is ignored, like the firmware does). Also serves any channel pair ({@link #serve}) so fast
 * tests can use an in-memory pipe.
 */
public final class AtEmulatorServer implements AutoCloseable {

    private static final Logger LOG = Logs.of(AtEmulatorServer.class);

    private final AtModemEmulator modem;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "at-emu-timer"));
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private UnixSocketServer server;

    public AtEmulatorServer(AtScenario scenario) {
        this.modem = new AtModemEmulator(scenario);
    }

    public AtModemEmulator modem() {
        return modem;
    }

    /** Binds {@code socketPath} and accepts connections (socat makes one) until {@link #close()}. */
    public AtEmulatorServer listen(Path socketPath) throws IOException {
        server = new UnixSocketServer(socketPath, "at-emu", () -> true, c -> converse(c, c));
        return this;
    }

    public Path socket() {
        return server == null ? null : server.path();
    }

    /** Answers commands read from {@code in} on {@code out}, on its own daemon thread. */
    public void serve(ReadableByteChannel in, WritableByteChannel out) {
        open.add(in);
        open.add(out);
        daemon(() -> converse(in, out), "at-emu-conn").start();
    }

    private void converse(ReadableByteChannel in, WritableByteChannel out) {
        ByteBuffer buf = ByteBuffer.allocate(512);
        StringBuilder line = new StringBuilder();
        try {
            write(out, modem.bootReport());
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    char c = (char) (buf.get() & 0xff);
                    if (c == '\r') {
                        handle(line.toString(), out);
                        line.setLength(0);
                    } else if (c != '\n') {
                        line.append(c);
                    }
                }
                buf.clear();
            }
        } catch (IOException e) {
            LOG.debug("AT emulator connection ended: {}", e.getMessage());
        }
    }

    private void handle(String line, WritableByteChannel out) throws IOException {
        if (modem.echo()) {
            write(out, line + "\r");
        }
        if (modem.silent(line)) {
            modem.answer("", t -> { });
            return;
        }
        Duration delay = modem.scenario().replyDelay();
        String reply = modem.answer(line, task -> timer.schedule(() -> {
            try {
                write(out, task.get());
            } catch (IOException e) {
                LOG.debug("cannot deliver unsolicited report: {}", e.getMessage());
            }
        }, modem.scenario().connectDelay().toMillis(), TimeUnit.MILLISECONDS));
        if (!delay.isZero()) {
            sleep(delay);
        }
        write(out, reply);
    }

    private static void write(WritableByteChannel out, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        UnixSocketServer.writeFully(out, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort on shutdown
            }
        }
        if (server != null) {
            server.close(); // hangs up socat's connection and removes the socket file
        }
    }
}
