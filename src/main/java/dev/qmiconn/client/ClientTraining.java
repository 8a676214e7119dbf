package dev.qmiconn.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the client's class-data-sharing archive ({@code qmi-conn-client.jsa}, made at package time
 * and by the .deb's postinst with {@code -XX:ArchiveClassesAtExit}): one forwarded {@code status --json} against
 * a stand-in service on a socket in a temporary directory, so the archive holds exactly what a forwarded call
 * loads, the JDK's Unix-socket classes and their lambdas included (docs/PERFORMANCE.md).
 */
public final class ClientTraining {

    private ClientTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("qmi-conn-cds");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve("cdc-wdm0.sock")));
            Thread stand = new Thread(() -> answerOnce(server), "qmi-conn-cds-service");
            stand.setDaemon(true);
            stand.start();
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            // the jar's entry class too (loaded, not run: it would exit); the client package cannot name cli
            Class.forName("dev.qmiconn.cli.Entry", false, ClientTraining.class.getClassLoader());
            int code = ServiceClient.forward(new String[] {"status", "--json", "--state-dir", dir.toString()},
                    sink, sink);
            if (code != 0) {
                throw new IllegalStateException("the training call was not forwarded (exit " + code + ")");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void answerOnce(ServerSocketChannel server) {
        try (SocketChannel c = server.accept()) {
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (c.read(in) > 0 && in.get(in.position() - 1) != '\n') {
                // the request line ends with LF
            }
            c.write(ByteBuffer.wrap("1 {\"connected\": true}\n2 a line of stderr\nexit 0\n"
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
