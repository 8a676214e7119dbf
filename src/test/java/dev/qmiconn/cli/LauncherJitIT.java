package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/**
 * The real launcher runs {@code watch} interpreted (its RSS stays under 64 MB, docs/PERFORMANCE.md) and every
 * other command with C1 only, except a command a running service will answer (its socket is there), which only
 * forwards: the JVM's own final flags say which, whatever options come before the subcommand.
 */
@RealTools({"java"})
class LauncherJitIT {

    @TempDir
    Path records;

    private String flags(String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of("bin", "qmi-conn").toAbsolutePath().toString()));
        argv.addAll(List.of(args));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CommandResult r = new ExecRunner().run(new CommandSpec(argv, Duration.ofSeconds(60),
                Map.of("PATH", "/usr/bin:/bin", "JAVA", java, "QMI_CONN_JAVA_OPTS", "-XX:+PrintFlagsFinal"), null));
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    private static boolean jit(String flags) {
        return flags.lines().anyMatch(l -> l.matches("\\s*bool UseCompiler\\s+= true.*"));
    }

    @Test
    void should_run_watch_interpreted_even_after_global_options() {
        assertTrue(!jit(flags("watch", "--help")), "watch runs with -Xint");
        assertTrue(!jit(flags("-v", "--record", records.resolve("watch").toString(), "watch", "--help")),
                "--record's value is no subcommand");
    }

    @Test
    void should_keep_the_services_reflection_from_generating_accessor_classes() {
        String watch = settings("watch", "--help");
        assertTrue(watch.contains("sun.reflect.inflationThreshold = 2147483647"), watch);
        assertTrue(!settings("status", "--help").contains("sun.reflect.inflationThreshold"), "only the service");
    }

    @Test
    void should_map_the_services_own_static_archive_and_only_it() {
        // -Xshare:on: the JVM refuses to start when the archive cannot be mapped, instead of running without one
        String watch = settings("watch", "--help", "-XX:+PrintFlagsFinal -Xshare:on -Xlog:cds=info:stdout");
        assertTrue(watch.lines().anyMatch(l -> l.matches("\\s*ccstr SharedArchiveFile\\s+= \\S*/qmi-conn-watch"
                + "\\.jsa .*")), "watch's own archive");
        assertTrue(watch.contains("Mapped static  region"), "a static archive, mapped");
        assertTrue(!watch.contains("Mapped dynamic"), "no second archive on top of it");
        assertTrue(watch.lines().anyMatch(l -> l.matches("\\s*size_t MaxNewSize\\s+= 1048576 .*")), "1 MB young");
    }

    /** The JVM's system properties as -XshowSettings prints them (on stderr, before the command runs). */
    private String settings(String... args) {
        return run("-XshowSettings:properties", args).stderr();
    }

    /** Stdout and stderr of the launcher run with {@code opts} as QMI_CONN_JAVA_OPTS; it must succeed. */
    private String settings(String sub, String arg, String opts) {
        CommandResult r = run(opts, sub, arg);
        return r.stdout() + r.stderr();
    }

    private CommandResult run(String opts, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of("bin", "qmi-conn").toAbsolutePath().toString()));
        argv.addAll(List.of(args));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CommandResult r = new ExecRunner().run(new CommandSpec(argv, Duration.ofSeconds(60),
                Map.of("PATH", "/usr/bin:/bin", "JAVA", java, "QMI_CONN_JAVA_OPTS", opts), null));
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    @Test
    void should_run_other_commands_with_c1_only() {
        String status = flags("--record", records.resolve("r").toString(), "status", "--help");
        assertTrue(jit(flags("up", "--apn", "watch", "--help")), "an option value named watch is no subcommand");
        assertTrue(jit(status), "status keeps the JIT");
        assertTrue(status.lines().anyMatch(l -> l.matches("\\s*intx TieredStopAtLevel\\s+= 1 .*")), "C1 only");
    }

    @Test
    void should_start_a_forwarded_command_interpreted_with_the_client_archive() throws Exception {
        try (java.nio.channels.ServerSocketChannel service = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            service.bind(java.net.UnixDomainSocketAddress.of(records.resolve("cdc-wdm1.sock")));
            String forwarded = flags("status", "--device", "/dev/cdc-wdm1", "--state-dir=" + records, "--help");
            assertTrue(!jit(forwarded), "nothing on the client path runs long enough to compile");
            assertTrue(forwarded.lines().anyMatch(l -> l.matches("\\s*ccstr SharedArchiveFile\\s+= \\S*qmi-conn-client"
                    + "\\.jsa.*")), "the client's own archive");
            assertTrue(jit(flags("status", "--device", "/dev/cdc-wdm0", "--state-dir", records.toString(), "--help")),
                    "no service on this device: the whole program runs, with C1");
        }
    }
}
