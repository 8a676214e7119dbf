package dev.qmiconn.telemetry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import dev.qmiconn.process.BackgroundProcess;

/** Helpers for the real servers the telemetry tests start on loopback (never the machine's own services). */
public final class LoopbackServer {

    private LoopbackServer() {
    }

    /** A loopback port free right now (bound and released: a small race, fine for tests). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until 127.0.0.1:port accepts a connection, or fails with the server's output. */
    public static void awaitListening(int port, BackgroundProcess server, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!server.isAlive()) {
                throw new AssertionError(server.argv() + " exited: " + server.stdout() + server.stderr());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError(server.argv() + " not listening on " + port + " after " + timeout + ": "
                + server.stdout() + server.stderr());
    }
}
