package dev.qmiconn.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;

/**
 * One emulated modem reachable by the real qmicli: emulator on DIR/emu.sock, socat bridging it to the raw
 * pty DIR/cdc-wdm0. Runs qmicli with {@code --device-open-qmi} (no sysfs needed). With the environment
 * variable QMI_CONN_RECORD_FIXTURES=DIR, every run is also written as a fixture (see {@link #record}).
 */
final class QmicliRig implements AutoCloseable {

    private final CommandRunner runner = new ExecRunner();
    private final Path dir;
    final ModemEmulator emulator;
    private PtyBridge bridge;

    QmicliRig(String scenario) throws IOException {
        this(Scenario.load(scenario), java.time.Clock.systemUTC());
    }

    QmicliRig(Scenario scenario, java.time.Clock clock) throws IOException {
        dir = Files.createTempDirectory("qc-emu-");
        emulator = ModemEmulator.start(scenario, dir.resolve("emu.sock"), clock);
        PtyBridge b;
        try {
            b = PtyBridge.start(runner, "socat", emulator.socket(), dir.resolve("cdc-wdm0"));
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        bridge = b;
    }

    /** A new socat and pty, as after the device came back (socat exits when its connection closes). */
    void rebridge() {
        bridge.close();
        bridge = PtyBridge.start(runner, "socat", emulator.socket(),
                dir.resolve("cdc-wdm0-" + System.nanoTime()));
    }

    boolean bridgeAlive() {
        return bridge.isAlive();
    }

    Path device() {
        return bridge.link();
    }

    long socatPid() {
        return bridge.pid();
    }

    /** {@code qmicli --device-open-qmi -d DEVICE ARGS...} with a timeout above qmicli's own 10 s. */
    CommandResult qmicli(String... args) {
        List<String> argv = new ArrayList<>(List.of("qmicli", "--device-open-qmi", "-d", device().toString()));
        argv.addAll(List.of(args));
        return runner.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(20)));
    }

    /**
     * Writes a run as ACTION/emulator-CASE.out (+ .err, + .exit when not 0, see {@link QmicliFixtureFiles})
     * under $QMI_CONN_RECORD_FIXTURES (e.g. test-fixtures/qmicli/1.32.2). The pty path (a temp dir) is written as /dev/cdc-wdm0, the path the
     * tool has on a Pi; nothing else is changed.
     */
    void record(String action, String caseName, CommandResult r) throws IOException {
        String root = System.getenv("QMI_CONN_RECORD_FIXTURES");
        if (root == null || root.isBlank()) {
            return;
        }
        QmicliFixtureFiles.write(Path.of(root), action, "emulator-" + caseName, r, this::devicePath);
    }

    private String devicePath(String text) {
        return text.replace(device().toString(), "/dev/cdc-wdm0");
    }

    @Override
    public void close() {
        try {
            bridge.close();
        } finally {
            emulator.close();
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temp dir left behind is harmless
            }
        }
    }
}
