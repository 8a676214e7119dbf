package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;

/** One sandbox per scenario, shared by a test class: runs the built {@code qmi-conn} (bin/qmi-conn) inside. */
final class SandboxedQmiConn implements AutoCloseable {

    final Sandbox sandbox;

    SandboxedQmiConn(String scenario) {
        this.sandbox = Sandbox.start(SandboxOptions.of(scenario), new ExecRunner(), new EmulatorModems());
    }

    /** Every QMI answer held back {@code replyLatency} after its request (a slow modem). */
    SandboxedQmiConn(String scenario, Duration replyLatency) {
        this.sandbox = Sandbox.start(SandboxOptions.of(scenario), new ExecRunner(), new EmulatorModems(replyLatency));
    }

    CommandResult qmiConn(String... args) {
        List<String> argv = new ArrayList<>(List.of("qmi-conn"));
        argv.addAll(List.of(args));
        return sandbox.exec(argv, Duration.ofSeconds(60));
    }

    /** A program inside (ip, cat, cp, ...) that must succeed. */
    String run(String... argv) {
        CommandResult r = sandbox.exec(List.of(argv), Duration.ofSeconds(20));
        assertEquals(0, r.exitCode(), () -> List.of(argv) + " failed: " + r.stdout() + r.stderr());
        return r.stdout();
    }

    static String show(CommandResult r) {
        return "exit " + r.exitCode() + "\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
