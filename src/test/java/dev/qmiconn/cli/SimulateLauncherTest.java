package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;

/** {@code bin/qmi-conn simulate} as a user runs it: a separate JVM, the packaged jar, the real qmicli inside. */
@RealTools({"qmicli", "socat", "dnsmasq", "ip", "nsenter", "unshare", "runuser"})
class SimulateLauncherTest {

    private static final Path HOME = Path.of(System.getenv().getOrDefault("QMI_CONN_HOME", ".")).toAbsolutePath();
    private static final ExecRunner RUNNER = new ExecRunner();

    private static CommandResult launcher(String... args) {
        List<String> argv = new ArrayList<>(List.of(HOME.resolve("bin/qmi-conn").toString()));
        argv.addAll(List.of(args));
        return RUNNER.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(40)));
    }

    @Test
    void should_run_qmicli_inside_and_exit_with_its_code() {
        CommandResult ok = launcher("simulate", "--scenario", "raw-ip", "--", "qmicli", "-d", "/dev/cdc-wdm0",
                "--wda-get-data-format");
        assertEquals(0, ok.exitCode(), ok.stdout() + ok.stderr());
        assertTrue(ok.stdout().contains("Link layer protocol: 'raw-ip'"), ok.stdout());
    }

    @Test
    void should_pass_a_failing_qmicli_exit_code_through() {
        CommandResult failed = launcher("simulate", "--", "qmicli", "-d", "/dev/cdc-wdm0", "--wda-get-data-format");
        assertEquals(1, failed.exitCode(), failed.stdout() + failed.stderr());
        assertTrue(failed.stderr().startsWith("error: couldn't"), failed.stderr());
    }

    @Test
    void should_find_the_qmi_conn_launcher_first_on_path_inside() {
        CommandResult r = launcher("simulate", "--", "qmi-conn", "--version");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().startsWith("qmi-conn "), r.stdout());
    }

    @Test
    void should_stay_up_until_terminated_and_then_remove_everything() throws Exception {
        BackgroundProcess simulate = RUNNER.start(CommandSpec.of(HOME.resolve("bin/qmi-conn").toString(),
                "simulate", "--scenario", "e397u-53"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!simulate.stdout().contains("Press Ctrl-C") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Matcher m = Pattern.compile("Sandbox (qc[0-9a-f]{8}-) is up").matcher(simulate.stdout());
            assertTrue(m.find(), simulate.stdout() + simulate.stderr());
            String prefix = m.group(1);
            assertTrue(simulate.stdout().contains("nsenter -t "), simulate.stdout());
            assertTrue(netns().contains(prefix + "host"));

            simulate.stop(Duration.ofSeconds(15)); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook cleans up

            assertFalse(netns().contains(prefix), netns());
            assertFalse(Files.exists(SandboxOptions.DEFAULT_BASE.resolve(prefix.replace("-", ""))));
        } finally {
            simulate.stop(Duration.ofSeconds(15));
        }
    }

    private static String netns() {
        return RUNNER.run(CommandSpec.of("ip", "netns", "list")).stdout();
    }

    @Test
    void should_refuse_in_one_line_without_root() {
        CommandResult r = RUNNER.run(CommandSpec.of("runuser", "-u", "nobody", "--",
                HOME.resolve("bin/qmi-conn").toString(), "simulate", "--", "true").withTimeout(Duration.ofSeconds(30)));
        assertEquals(ExitCode.FAILURE.code(), r.exitCode());
        assertEquals("qmi-conn: simulate: the sandbox needs root (network and mount namespaces): run it with sudo\n",
                r.stderr());
    }

    @Test
    void should_name_the_known_scenarios_for_an_unknown_one() {
        CommandResult r = launcher("simulate", "--scenario", "no-such-modem", "--", "true");
        assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("unknown scenario 'no-such-modem'"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }
}
