package dev.qmiconn.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.emulator.UnixSocketServer;

/**
 * The socket side without QMI: accepts socat's connection and counts the bytes qmicli writes. Lets the sandbox's
 * own parts (namespaces, fake sysfs, dnsmasq following the session, device presence) be tested without the
 * emulator; the test flips the session and the device presence by hand.
 */
public final class StandInModem implements EmulatedModem {

    private final UnixSocketServer server;
    private final List<Consumer<Optional<SessionSettings>>> sessionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> presenceListeners = new CopyOnWriteArrayList<>();
    private volatile Optional<SessionSettings> session = Optional.empty();
    private final AtomicLong bytesReceived = new AtomicLong();

    private StandInModem(Path socket) throws IOException {
        server = new UnixSocketServer(socket, "stand-in-modem", () -> true, this::count);
    }

    public static StandInModem start(String scenario, Path socket) throws IOException {
        return new StandInModem(socket);
    }

    private void count(SocketChannel c) throws IOException {
        InputStream in = Channels.newInputStream(c);
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            bytesReceived.addAndGet(n);
        }
    }

    long bytesReceived() { return bytesReceived.get(); }

    public void setSession(Optional<SessionSettings> s) {
        session = s;
        sessionListeners.forEach(l -> l.accept(s));
    }

    public void setPresent(boolean present) {
        presenceListeners.forEach(l -> l.accept(present));
    }

    @Override public Path socket() { return server.path(); }
    @Override public String scenarioName() { return "stand-in"; }
    @Override public int liveClientIds() { return 0; }
    @Override public int liveSessions() { return session.isPresent() ? 1 : 0; }
    @Override public Optional<SessionSettings> session() { return session; }
    @Override public void onSessionChange(Consumer<Optional<SessionSettings>> l) { sessionListeners.add(l); }
    @Override public void onDevicePresence(Consumer<Boolean> l) { presenceListeners.add(l); }
    @Override public String linkLayer() { return "802-3"; }

    @Override
    public void close() {
        server.close(); // also removes the socket file
    }
}
