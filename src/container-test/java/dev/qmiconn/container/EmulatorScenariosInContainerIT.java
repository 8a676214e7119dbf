package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

import dev.qmiconn.error.ExitCode;

/**
 * The emulator scenarios of {@code qmi-conn simulate} (the product's own sandbox: private namespaces, nothing of
 * the system's networking involved) run inside a booted system with the .deb installed by apt.
 */
@Tag("container")
class EmulatorScenariosInContainerIT {

    private static SystemContainer box;

    @BeforeAll
    static void startContainer() {
        ContainerTier.requireEngine();
        box = new SystemContainer("networkd");
        box.boot();
    }

    @AfterAll
    static void stopContainer() {
        if (box != null) {
            box.stop();
        }
    }

    private static ExecResult run(String... argv) {
        return box.run(argv);
    }

    @Test
    void should_run_the_installed_tool_from_the_package() {
        ExecResult r = run("qmi-conn", "--version");
        assertEquals(0, r.getExitCode(), r.getStderr());
        assertTrue(r.getStdout().startsWith("qmi-conn "), r.getStdout());
    }

    @Test
    void should_bring_the_e397u_53_online_on_metro_pcs_inside_the_container() {
        ExecResult r = run("qmi-conn", "simulate", "--scenario", "e397u-53", "--",
                "qmi-conn", "up", "--dns", "file", "--apn", "fast.metropcs.com");
        assertEquals(ExitCode.OK.code(), r.getExitCode(), r.getStderr());
        assertTrue(r.getStdout().matches("(?s).*\\b\\d{1,3}(\\.\\d{1,3}){3}\\b.*"), "no address in: " + r.getStdout());
    }

    @Test
    void should_report_the_call_failure_of_the_call_failed_scenario_with_its_exit_code() {
        ExecResult r = run("qmi-conn", "simulate", "--scenario", "call-failed", "--",
                "qmi-conn", "up", "--dns", "file", "--apn", "fast.metropcs.com");
        assertEquals(ExitCode.CALL_FAILED.code(), r.getExitCode(), r.getStdout() + r.getStderr());
        assertTrue(r.getStderr().startsWith("qmi-conn: "), r.getStderr());
    }

    @Test
    void should_give_up_at_the_timeout_in_the_no_signal_scenario() {
        ExecResult r = run("qmi-conn", "simulate", "--scenario", "no-signal", "--",
                "qmi-conn", "up", "--dns", "file", "--apn", "fast.metropcs.com", "--timeout", "5s");
        assertEquals(ExitCode.NO_SERVICE.code(), r.getExitCode(), r.getStdout() + r.getStderr());
    }
}
