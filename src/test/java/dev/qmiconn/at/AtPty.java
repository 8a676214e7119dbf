package dev.qmiconn.at;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.qmiconn.emulator.PtyBridge;
import dev.qmiconn.emulator.at.AtEmulatorServer;
import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.process.CommandRunner;

/**
 * The AT emulator as a real serial device: a Unix socket bridged to a raw pty linked at {@code ROOT/dev/NAME} by
 * the same {@link PtyBridge} the QMI sandbox uses (it holds the slave open, so socat does not see EIO when the last
 * user - stty, then qmi-conn - closes it, and stops socat by PID).
 */
final class AtPty implements AutoCloseable {

    final AtEmulatorServer emulator;
    final Path device;
    private final PtyBridge bridge;

    AtPty(CommandRunner runner, Path root, String name, AtScenario scenario) {
        AtEmulatorServer emu = new AtEmulatorServer(scenario);
        try {
            Files.createDirectories(root.resolve("dev"));
            emu.listen(root.resolve(name + ".sock"));
            bridge = PtyBridge.start(runner, "socat", emu.socket(), root.resolve("dev").resolve(name));
        } catch (IOException e) {
            emu.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            emu.close();
            throw e;
        }
        this.emulator = emu;
        this.device = bridge.link();
    }

    @Override
    public void close() {
        try {
            bridge.close();
        } finally {
            emulator.close();
        }
    }
}
