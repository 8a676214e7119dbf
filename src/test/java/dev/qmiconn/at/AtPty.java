package dev.qmiconn.at;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import dev.qmiconn.emulator.at.AtEmulatorServer;
import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * The AT emulator as a real serial device: a Unix socket bridged by socat to a raw pty linked at
 * {@code ROOT/dev/NAME}. Holds the pty slave open itself (FIELD-NOTES: otherwise socat sees EIO when the last
 * user - stty, then qmi-conn - closes it). socat is stopped by PID.
 */
final class AtPty implements AutoCloseable {

    final AtEmulatorServer emulator;
    final Path device;
    private final BackgroundProcess socat;
    private final FileChannel holder;

    AtPty(CommandRunner runner, Path root, String name, AtScenario scenario) {
        BackgroundProcess started = null;
        AtEmulatorServer emu = new AtEmulatorServer(scenario);
        try {
            Files.createDirectories(root.resolve("dev"));
            device = root.resolve("dev").resolve(name);
            emu.listen(root.resolve(name + ".sock"));
            started = runner.start(CommandSpec.of("socat", "PTY,link=" + device + ",raw,echo=0",
                    "UNIX-CONNECT:" + emu.socket()));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Files.exists(device)) {
                if (System.nanoTime() > deadline || !started.isAlive()) {
                    throw new IllegalStateException("socat did not create " + device + ": " + started.stderr());
                }
                Thread.sleep(20);
            }
            holder = FileChannel.open(device, StandardOpenOption.READ);
        } catch (IOException e) {
            close(started, emu);
            throw new UncheckedIOException(e);
        } catch (InterruptedException | RuntimeException e) {
            close(started, emu);
            throw new IllegalStateException(e);
        }
        this.socat = started;
        this.emulator = emu;
    }

    private static void close(BackgroundProcess socat, AtEmulatorServer emu) {
        if (socat != null) {
            socat.stop(Duration.ofSeconds(2));
        }
        emu.close();
    }

    @Override
    public void close() {
        try {
            holder.close();
        } catch (IOException ignored) {
            // socat is stopped next either way
        }
        close(socat, emulator);
    }
}
