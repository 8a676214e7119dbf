package dev.qmiconn.at;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.log.Logs;

/**
 * Line protocol over an AT port: writes {@code COMMAND\r}, collects lines until a final result code, bounded by a
 * deadline. A daemon reader thread owns the blocking reads, so a silent or wedged modem costs the timeout and
 * never a hang. Lines that arrive between commands (unsolicited codes, the tail of a reply that came too late)
 * are dropped before the next command is sent.
 */
public final class AtSession implements AutoCloseable {

    private static final Logger LOG = Logs.of(AtSession.class);
    private static final String CLOSED = "\u0000closed";
    private static final Duration QUIET = Duration.ofMillis(300);

    private final String name;
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final ExecutorService writer;
    private volatile String readFailure;
    private boolean lastTimedOut;

    public AtSession(String name, ReadableByteChannel in, WritableByteChannel out) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "at-writer " + name);
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(this::readLines, "at-reader " + name);
        reader.setDaemon(true);
        reader.start();
    }

    public String name() {
        return name;
    }

    /** Sends {@code command} (no CR; the caller validated it) and waits at most {@code timeout} for the answer. */
    public AtReply send(String command, Duration timeout) {
        List<String> stale = new ArrayList<>();
        if (lastTimedOut) {
            // the previous answer may still be on its way; its OK must not be taken for this command's
            settle(stale);
            lastTimedOut = false;
        }
        lines.drainTo(stale);
        if (stale.contains(CLOSED)) {
            throw closed(command);
        }
        if (!stale.isEmpty()) {
            LOG.debug("{}: dropped before {}: {}", name, command, stale);
        }
        write(command, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> got = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = null;
            if (left > 0) {
                try {
                    line = lines.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (line == null) {
                lastTimedOut = true;
                throw new QmiConnException(ExitCode.MODEM_ERROR, "no answer to " + command + " on " + name
                        + " within " + seconds(timeout) + (got.isEmpty() ? "" : " (got only " + got + ")")
                        + "; is this the modem's AT port?");
            }
            if (line.equals(CLOSED)) {
                lines.add(CLOSED);
                throw closed(command);
            }
            got.add(line);
            if (AtResponseParser.isFinal(line)) {
                AtReply reply = AtResponseParser.parse(command, got);
                LOG.debug("{}: {} -> {} {}", name, command, reply.lines(), reply.finalLine());
                return reply;
            }
        }
    }

    /** Collects lines until the port has been quiet for a moment (bounded: at most two seconds). */
    private void settle(List<String> into) {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        try {
            String line;
            while (System.nanoTime() < until
                    && (line = lines.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                into.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes on the writer thread so that a port stuck in flow control costs the timeout, not a hang. */
    private void write(String command, Duration timeout) {
        ByteBuffer buf = ByteBuffer.wrap((command + "\r").getBytes(StandardCharsets.US_ASCII));
        Future<?> written = writer.submit(() -> {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            return null;
        });
        try {
            written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            written.cancel(true);
            throw new QmiConnException(ExitCode.MODEM_ERROR, "could not write " + command + " to " + name
                    + " within " + seconds(timeout) + " (port blocked by flow control?)");
        } catch (ExecutionException e) {
            readFailure = e.getCause().getMessage();
            throw closed(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmiConnException(ExitCode.FAILURE, "interrupted while writing to " + name);
        }
    }

    private void readLines() {
        ByteBuffer buf = ByteBuffer.allocate(512);
        StringBuilder line = new StringBuilder();
        try {
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    char c = (char) (buf.get() & 0xff);
                    if (c == '\r' || c == '\n') {
                        if (!line.toString().isBlank()) {
                            lines.add(line.toString());
                        }
                        line.setLength(0);
                    } else if (line.length() < 4096) {
                        line.append(c);
                    }
                }
                buf.clear();
            }
        } catch (IOException e) {
            // EIO from a pty whose other side went away, or the channel closed by close()
            readFailure = e.getMessage();
        } finally {
            lines.add(CLOSED);
        }
    }

    private QmiConnException closed(String command) {
        return new QmiConnException(ExitCode.MODEM_ERROR, name + " closed while sending " + command
                + (readFailure == null ? "" : ": " + readFailure) + " (was the modem unplugged?)");
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is best effort; the reader is a daemon thread either way
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // same channel as `in` for a tty
        }
        try {
            reader.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
