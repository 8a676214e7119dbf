package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

import dev.qmiconn.error.ExitCode;

/**
 * The container tier (Maven profile {@code container-tests}, not in the default build): the built .deb installed
 * by apt in Debian bookworm (src/container/Dockerfile), and the emulator scenarios run inside that container,
 * privileged, through {@code qmi-conn simulate}. Skipped, with the reason, where no Docker engine is reachable:
 * a docker CLI alone (as on the project's build machines) is not an engine.
 */
@Tag("container")
class EmulatorScenariosInContainerIT {

    private static GenericContainer<?> box;

    private static final String NO_ENGINE = "container tier SKIPPED: no Docker engine reachable (DOCKER_HOST, "
            + "/var/run/docker.sock); a docker CLI alone is not enough. Nothing in this tier was verified.";

    @BeforeAll
    static void startContainer() {
        if (!engineReachable()) {
            System.out.println(NO_ENGINE);
            return;
        }
        Path deb = Path.of(System.getProperty("qmiconn.deb", "target/qmi-conn_0.1.0_all.deb"));
        Path dockerfile = Path.of(System.getProperty("qmiconn.dockerfile", "src/container/Dockerfile"));
        assertTrue(Files.isRegularFile(deb), "no package at " + deb + " (the profile runs after `package`)");
        ImageFromDockerfile image = new ImageFromDockerfile("qmi-conn-container-tier", true)
                .withFileFromPath("Dockerfile", dockerfile)
                .withFileFromPath("qmi-conn.deb", deb);
        box = new GenericContainer<>(image)
                .withPrivilegedMode(true)
                .withCommand("sleep", "infinity")
                .withStartupTimeout(Duration.ofMinutes(2));
        box.start();
    }

    @BeforeEach
    void needsTheContainer() {
        Assumptions.assumeTrue(box != null, NO_ENGINE);
    }

    @AfterAll
    static void stopContainer() {
        if (box != null) {
            box.stop();
        }
    }

    private static boolean engineReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ExecResult run(String... argv) throws Exception {
        ExecResult r = box.execInContainer(argv);
        System.out.printf("$ %s -> %d%n%s%s%n", String.join(" ", argv), r.getExitCode(), r.getStdout(), r.getStderr());
        return r;
    }

    @Test
    void should_run_the_installed_tool_from_the_package() throws Exception {
        ExecResult r = run("qmi-conn", "--version");
        assertEquals(0, r.getExitCode(), r.getStderr());
        assertTrue(r.getStdout().startsWith("qmi-conn "), r.getStdout());
    }

    @Test
    void should_bring_the_e397u_53_online_on_metro_pcs_inside_the_container() throws Exception {
        ExecResult r = run("qmi-conn", "simulate", "--scenario", "e397u-53", "--",
                "qmi-conn", "up", "--apn", "fast.metropcs.com");
        assertEquals(ExitCode.OK.code(), r.getExitCode(), r.getStderr());
        assertTrue(r.getStdout().matches("(?s).*\\b\\d{1,3}(\\.\\d{1,3}){3}\\b.*"), "no address in: " + r.getStdout());
    }

    @Test
    void should_report_the_call_failure_of_the_call_failed_scenario_with_its_exit_code() throws Exception {
        ExecResult r = run("qmi-conn", "simulate", "--scenario", "call-failed", "--",
                "qmi-conn", "up", "--apn", "fast.metropcs.com");
        assertEquals(ExitCode.CALL_FAILED.code(), r.getExitCode(), r.getStdout() + r.getStderr());
        assertTrue(r.getStderr().startsWith("qmi-conn: "), r.getStderr());
    }

    @Test
    void should_give_up_at_the_timeout_in_the_no_signal_scenario() throws Exception {
        ExecResult r = run("qmi-conn", "simulate", "--scenario", "no-signal", "--",
                "qmi-conn", "up", "--apn", "fast.metropcs.com", "--timeout", "5s");
        assertEquals(ExitCode.NO_SERVICE.code(), r.getExitCode(), r.getStdout() + r.getStderr());
    }
}
