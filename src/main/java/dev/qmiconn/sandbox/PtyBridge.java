package dev.qmiconn.sandbox;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * socat between the emulator's Unix socket and a raw pty whose slave plays /dev/cdc-wdm0. qmicli reads and writes
 * QMUX frames with plain read()/write(); a cooked pty would echo and line-buffer them, hence {@code raw,echo=0}.
 * When the last slave fd closes the master reads EIO and socat quits, so the bridge itself keeps the slave open
 * (write-only, it never reads: replies must go to the one qmicli that is talking).
 */
final class PtyBridge implements AutoCloseable {

    private final BackgroundProcess socat;
    private final Path slave;
    private final FileOutputStream keepOpen;

    private PtyBridge(BackgroundProcess socat, Path slave, FileOutputStream keepOpen) {
        this.socat = socat;
        this.slave = slave;
        this.keepOpen = keepOpen;
    }

    static PtyBridge start(CommandRunner runner, Path socket, Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            throw new SandboxException("cannot remove stale " + link + ": " + e.getMessage(), e);
        }
        BackgroundProcess socat = runner.start(CommandSpec.of(Programs.path("socat"),
                "PTY,link=" + link + ",raw,echo=0", "UNIX-CONNECT:" + socket));
        try {
            Path slave = awaitLink(socat, link);
            return new PtyBridge(socat, slave, new FileOutputStream(slave.toFile()));
        } catch (IOException | RuntimeException e) {
            socat.stop(Duration.ofSeconds(1));
            throw e instanceof SandboxException s ? s : new SandboxException("cannot open the pty: " + e, e);
        }
    }

    private static Path awaitLink(BackgroundProcess socat, Path link) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isSymbolicLink(link)) {
                return link.toRealPath();
            }
            if (!socat.isAlive()) {
                throw new SandboxException("socat exited: " + socat.stderr().strip());
            }
            Sandbox.pause(Duration.ofMillis(10));
        }
        throw new SandboxException("socat did not create " + link + " in 5 s");
    }

    /** The pty slave, e.g. /dev/pts/3. */
    Path slave() {
        return slave;
    }

    long pid() {
        return socat.pid();
    }

    boolean isAlive() {
        return socat.isAlive();
    }

    @Override
    public void close() {
        socat.stop(Duration.ofSeconds(2));
        try {
            keepOpen.close();
        } catch (IOException e) {
            // the pty is gone with socat; nothing left to release
        }
    }
}
