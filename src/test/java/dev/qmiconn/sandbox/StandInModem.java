package dev.qmiconn.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.qmiconn.emulator.EmulatedModem;

/**
 * The socket side without QMI: accepts socat's connection and counts the bytes qmicli writes. Lets the sandbox's
 * own parts (namespaces, fake sysfs, dnsmasq following the session, device presence) be tested without the
 * emulator; the test flips the session and the device presence by hand.
 */
public final class StandInModem implements EmulatedModem {

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<Consumer<Optional<SessionSettings>>> sessionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> presenceListeners = new CopyOnWriteArrayList<>();
    private volatile Optional<SessionSettings> session = Optional.empty();
    private volatile long bytesReceived;

    private StandInModem(Path socket) throws IOException {
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::serve, "stand-in-modem");
        t.setDaemon(true);
        t.start();
    }

    public static StandInModem start(String scenario, Path socket) throws IOException {
        return new StandInModem(socket);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept(); InputStream in = Channels.newInputStream(c)) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytesReceived += n;
                }
            } catch (IOException e) {
                // closed: the loop ends when the server is closed
            }
        }
    }

    long bytesReceived() { return bytesReceived; }

    public void setSession(Optional<SessionSettings> s) {
        session = s;
        sessionListeners.forEach(l -> l.accept(s));
    }

    public void setPresent(boolean present) {
        presenceListeners.forEach(l -> l.accept(present));
    }

    @Override public Path socket() { return socket; }
    @Override public String scenarioName() { return "stand-in"; }
    @Override public int liveClientIds() { return 0; }
    @Override public int liveSessions() { return session.isPresent() ? 1 : 0; }
    @Override public Optional<SessionSettings> session() { return session; }
    @Override public void onSessionChange(Consumer<Optional<SessionSettings>> l) { sessionListeners.add(l); }
    @Override public void onDevicePresence(Consumer<Boolean> l) { presenceListeners.add(l); }
    @Override public String linkLayer() { return "802-3"; }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // already gone
        }
    }
}
