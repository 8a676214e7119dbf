package dev.qmiconn.emulator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on a filesystem Unix socket (socat UNIX-CONNECT, one per socat process, possibly
 * many over time) and runs one reader thread per connection: frame in, answer out on the same connection.
 */
final class UnixSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketServer.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final Function<QmiMessage, Optional<QmiMessage>> dispatch;
    private final BooleanSupplier present;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    UnixSocketServer(Path path, Function<QmiMessage, Optional<QmiMessage>> dispatch, BooleanSupplier present)
            throws IOException {
        this.path = path;
        this.dispatch = dispatch;
        this.present = present;
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        acceptor = new Thread(this::acceptLoop, "qmi-emulator-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                if (!present.getAsBoolean()) {
                    c.close(); // no device, nothing answers
                    continue;
                }
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "qmi-emulator-conn");
                t.setDaemon(true);
                t.start();
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
        try (c; InputStream in = Channels.newInputStream(c)) {
            while (!closed) {
                byte[] frame = QmuxCodec.readFrame(in);
                QmiMessage request;
                try {
                    request = QmuxCodec.decode(frame);
                } catch (QmuxCodec.QmuxFormatException e) {
                    LOG.debug("dropping malformed frame: {}", e.getMessage());
                    continue;
                }
                Optional<QmiMessage> response = dispatch.apply(request);
                if (response.isPresent()) {
                    write(c, QmuxCodec.encode(response.get()));
                }
            }
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

    private static void write(SocketChannel c, byte[] bytes) throws IOException {
        synchronized (c) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                c.write(b);
            }
        }
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
