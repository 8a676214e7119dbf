package dev.qmiconn.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.slf4j.Logger;

import dev.qmiconn.log.Logs;

/**
 * The service's end of the local API (docs/SERVICE-API.md): a Unix socket {@code RUNTIME_DIR/<dev>.sock}, owned
 * by root, group {@code qmi-conn}, mode 0660, so root and the group's members may connect and nobody else can.
 * One request per connection; each is handled on its own thread by the {@link RequestHandler} and answered in
 * {@link Protocol} frames. A request that is not the protocol gets an error answer and changes nothing.
 */
public final class ControlSocket implements AutoCloseable {

    private static final Logger LOG = Logs.of(ControlSocket.class);
    /** The group the .deb creates; members may use the socket. */
    public static final String GROUP = "qmi-conn";

    private final Path path;
    private final ServerSocketChannel server;
    private final RequestHandler handler;
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlSocket(Path path, ServerSocketChannel server, RequestHandler handler) {
        this.path = path;
        this.server = server;
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "qmi-conn-control");
        this.acceptor.setDaemon(true);
    }

    /** Binds {@code path} (a stale socket file of a dead service is replaced) and starts answering. */
    public static ControlSocket open(Path path, RequestHandler handler) {
        try {
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path); // the caller holds the service lock: no live service owns it
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
            try {
                GroupPrincipal group = path.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName(GROUP);
                Files.setAttribute(path, "posix:group", group);
            } catch (IOException noGroup) {
                LOG.debug("no group {}: only root may use {}", GROUP, path);
            }
            ControlSocket socket = new ControlSocket(path, server, handler);
            socket.acceptor.start();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                Thread t = new Thread(() -> serve(c), "qmi-conn-request");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(SocketChannel c) {
        try (c; InputStream in = Channels.newInputStream(c); OutputStream raw = Channels.newOutputStream(c)) {
            Protocol.Frames frames = new Protocol.Frames(raw);
            List<String> args;
            try {
                args = Protocol.readRequest(in);
            } catch (Protocol.BadRequest e) {
                frames.err("qmi-conn: bad request to the service: " + e.getMessage());
                frames.exit(2);
                return;
            }
            int code;
            try (PrintWriter out = new PrintWriter(frames.stdout(), true);
                 PrintWriter err = new PrintWriter(frames.stderr(), true)) {
                code = handler.handle(args, out, err);
            }
            frames.exit(code);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("request failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", path, e.toString());
        }
    }

    /** Runs one request (the words after {@code qmi-conn}); returns the exit code. */
    @FunctionalInterface
    public interface RequestHandler {
        int handle(List<String> args, PrintWriter out, PrintWriter err);
    }

    static String utf8(byte[] b, int n) {
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
