package dev.qmiconn.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * socat between a raw pseudo-terminal (the "device" qmicli opens) and the emulator's Unix socket:
 * {@code socat PTY,link=DIR/cdc-wdm0,raw,echo=0 UNIX-CONNECT:DIR/emu.sock}. A pty in cooked mode would
 * echo and line-buffer QMUX frames, hence raw and echo=0. qmicli resolves the link to /dev/pts/N.
 */
public final class PtyBridge implements AutoCloseable {

    private final BackgroundProcess socat;
    private final Path link;

    private PtyBridge(BackgroundProcess socat, Path link) {
        this.socat = socat;
        this.link = link;
    }

    /**
     * Starts socat through the runner and waits (up to 5 s) for the pty link; then the emulator holds the
     * slave open so the bridge survives between qmicli runs.
     */
    public static PtyBridge start(CommandRunner runner, ModemEmulator emulator, Path link) {
        BackgroundProcess socat = runner.start(CommandSpec.of("socat",
                "PTY,link=" + link + ",raw,echo=0", "UNIX-CONNECT:" + emulator.socket()));
        PtyBridge bridge = new PtyBridge(socat, link);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(link)) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                bridge.close();
                throw new IllegalStateException("socat did not create " + link + ": " + socat.stderr().strip());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                bridge.close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + link, e);
            }
        }
        emulator.holdDevice(link);
        return bridge;
    }

    /** The pty link to give qmicli as {@code -d}. */
    public Path device() {
        return link;
    }

    public long pid() {
        return socat.pid();
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    @Override
    public void close() {
        socat.stop(Duration.ofSeconds(2));
    }
}
