package dev.qmiconn.emulator;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;

import dev.qmiconn.log.Logs;

/**
 * Accepts connections on a filesystem Unix socket (socat UNIX-CONNECT, one per socat process, possibly
 * many over time) and runs one daemon thread per connection with the given {@link Conversation}. Serves both
 * emulators: QMUX frames for the QMI modem, CR-terminated lines for the AT port.
 */
public final class UnixSocketServer implements AutoCloseable {

    private static final Logger LOG = Logs.of(UnixSocketServer.class);

    /** Talks on one connection until the peer hangs up (EOF or a closed channel end it quietly). */
    @FunctionalInterface
    public interface Conversation {
        void run(SocketChannel connection) throws IOException;
    }

    private final Path path;
    private final String name;
    private final ServerSocketChannel server;
    private final BooleanSupplier accepting;
    private final Conversation conversation;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Binds {@code path} (replacing a stale socket file) and accepts until {@link #close()}; a connection made
     * while {@code accepting} is false is closed at once (no device, nothing answers). {@code name} names the
     * threads.
     */
    public UnixSocketServer(Path path, String name, BooleanSupplier accepting, Conversation conversation)
            throws IOException {
        this.path = path;
        this.name = name;
        this.accepting = accepting;
        this.conversation = conversation;
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        daemon(this::acceptLoop, name + "-accept").start();
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                if (!accepting.getAsBoolean()) {
                    c.close();
                    continue;
                }
                connections.add(c);
                daemon(() -> serve(c), name + "-conn").start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept on {} failed: {}", path, e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c) {
            conversation.run(c);
        } catch (EOFException | ClosedChannelException e) {
            LOG.debug("connection on {} closed", path);
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.debug("connection on {} ended: {}", path, e.toString());
            }
        } finally {
            connections.remove(c);
        }
    }

    /** Writes all of {@code bytes}; one writer at a time per channel (replies and timed reports interleave). */
    public static void writeFully(WritableByteChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        synchronized (out) {
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Hangs up every open connection (the device vanished). */
    void dropConnections() {
        for (SocketChannel c : connections) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing connection: {}", e.getMessage());
            }
        }
        connections.clear();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing server: {}", e.getMessage());
        }
        dropConnections();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("removing {}: {}", path, e.getMessage());
        }
    }
}
