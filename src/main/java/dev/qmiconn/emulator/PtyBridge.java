package dev.qmiconn.emulator;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * socat between the emulator's Unix socket and a raw pty whose slave plays /dev/cdc-wdm0:
 * {@code socat PTY,link=LINK,raw,echo=0 UNIX-CONNECT:SOCKET}. qmicli reads and writes QMUX frames with plain
 * read()/write(); a cooked pty would echo and line-buffer them, hence {@code raw,echo=0}. When the last slave fd
 * closes the master reads EIO and socat quits (FIELD-NOTES), so the bridge itself keeps the slave open between
 * qmicli runs (write-only, it never reads: replies must go to the one qmicli that is talking). socat also quits
 * when the emulator hangs up (device vanish): start a new bridge once the device is back.
 */
public final class PtyBridge implements AutoCloseable {

    private final BackgroundProcess socat;
    private final Path link;
    private final Path slave;
    private final FileOutputStream keepOpen;

    private PtyBridge(BackgroundProcess socat, Path link, Path slave, FileOutputStream keepOpen) {
        this.socat = socat;
        this.link = link;
        this.slave = slave;
        this.keepOpen = keepOpen;
    }

    /**
     * Starts {@code socat} (the program, by name or absolute path) through the runner, waits up to 5 s for
     * {@code link} and opens the slave; a stale {@code link} is replaced. One-line IllegalStateException on failure.
     */
    public static PtyBridge start(CommandRunner runner, String socat, Path socket, Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove stale " + link + ": " + e.getMessage(), e);
        }
        BackgroundProcess process = runner.start(CommandSpec.of(socat,
                "PTY,link=" + link + ",raw,echo=0", "UNIX-CONNECT:" + socket));
        try {
            Path slave = awaitLink(process, link);
            return new PtyBridge(process, link, slave, new FileOutputStream(slave.toFile()));
        } catch (IOException | RuntimeException e) {
            process.stop(Duration.ofSeconds(1));
            throw e instanceof IllegalStateException s ? s : new IllegalStateException("cannot open the pty: " + e, e);
        }
    }

    private static Path awaitLink(BackgroundProcess socat, Path link) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isSymbolicLink(link)) {
                return link.toRealPath();
            }
            if (!socat.isAlive()) {
                throw new IllegalStateException("socat exited: " + socat.stderr().strip());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + link, e);
            }
        }
        throw new IllegalStateException("socat did not create " + link + " in 5 s");
    }

    /** The link socat made, e.g. DIR/cdc-wdm0: what to give qmicli as {@code -d}. */
    public Path link() {
        return link;
    }

    /** The pty slave the link points to, e.g. /dev/pts/3. */
    public Path slave() {
        return slave;
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
        try {
            keepOpen.close();
        } catch (IOException e) {
            // the pty is gone with socat; nothing left to release
        }
    }
}
