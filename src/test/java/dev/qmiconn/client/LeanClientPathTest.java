package dev.qmiconn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forwarded command is as cheap to start as the JDK allows: a real JVM runs the jar's entry class against a
 * stand-in service and must load nothing of picocli, Jackson, SLF4J/Logback or the program's commands, and bootstrap
 * no invokedynamic of its own (a lambda or string {@code +} costs ~10 ms of a ~60 ms start).
 */
class LeanClientPathTest {

    @TempDir
    Path dir;

    @Test
    void should_forward_status_loading_only_the_jdk_and_the_client_classes() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve("cdc-wdm0.sock")));
            Thread stand = new Thread(() -> answer(server));
            stand.setDaemon(true);
            stand.start();
            Path log = dir.resolve("classes.txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"),
                    "dev.qmiconn.cli.Entry", "status", "--json", "--state-dir", dir.toString())
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(7, p.exitValue(), out);
            assertEquals("{\"connected\": false}\n", out);
            List<String> ours = Files.readAllLines(log).stream()
                    .filter(l -> l.contains(" dev.qmiconn.") || l.contains(" picocli.") || l.contains(" org.slf4j.")
                            || l.contains(" ch.qos.") || l.contains(" com.fasterxml.")
                            || l.contains("source: dev.qmiconn"))
                    .map(l -> l.replaceAll("^.*\\] (\\S+) source.*$", "$1")).sorted().toList();
            assertEquals(List.of("dev.qmiconn.cli.Entry", "dev.qmiconn.client.ServiceClient",
                    "dev.qmiconn.service.Protocol", "dev.qmiconn.service.Protocol$BadRequest"), ours);
        }
    }

    private static void answer(ServerSocketChannel server) {
        try (SocketChannel c = server.accept()) {
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (c.read(in) > 0 && in.get(in.position() - 1) != '\n') {
                // until the request's LF
            }
            c.write(ByteBuffer.wrap("1 {\"connected\": false}\nexit 7\n".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
