package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * One {@code up} or {@code down} per device at a time: an advisory lock on {@code STATE_DIR/<dev>.lock}. The
 * kernel drops it when the process dies, so a crash never leaves a stale lock. The holder's PID is written in
 * the file only so the refusal message can name it.
 */
public final class DeviceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DeviceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DeviceLock acquire(Path stateDir, String deviceName, String device) {
        refuseWhileServiceRuns(stateDir, deviceName, device);
        return acquire(stateDir.resolve(deviceName + ".lock"), holder -> "another qmi-conn" + holder + " is bringing "
                + device + " up or down (lock " + stateDir.resolve(deviceName + ".lock") + "); wait for it to finish");
    }

    /** Service locks this JVM holds (POSIX locks are per process: never open a second channel on them). */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The service's own lock, held for its lifetime: a second {@code watch} on the device is refused. */
    public static DeviceLock acquireService(Path stateDir, String deviceName, String device) {
        Path file = serviceLock(stateDir, deviceName);
        DeviceLock lock = acquire(file, holder -> "the qmi-conn service" + holder + " already runs on " + device
                + " (lock " + file + ")");
        HELD.add(file.toAbsolutePath());
        lock.onClose = () -> HELD.remove(file.toAbsolutePath());
        return lock;
    }

    /**
     * The service's lock when no service holds it, in this JVM or another; empty while one runs. For a one-shot
     * {@code down} that releases what a killed service recorded, so no service can start meanwhile.
     */
    public static java.util.Optional<DeviceLock> acquireServiceIfFree(Path stateDir, String deviceName,
                                                                       String device) {
        if (HELD.contains(serviceLock(stateDir, deviceName).toAbsolutePath())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(acquireService(stateDir, deviceName, device));
        } catch (QmiConnException e) {
            if (e.exitCode() == ExitCode.BUSY) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    private Runnable onClose = () -> { };

    static Path serviceLock(Path stateDir, String deviceName) {
        return stateDir.resolve(deviceName + ".service.lock");
    }

    /**
     * One-shot commands that change the modem do not run beside a service that owns it (they would restart or
     * tear down its session behind its back): {@code up}, {@code down} and {@code status} are answered by the
     * service instead (the client forwards them), {@code ensure} and friends are refused. The service itself holds
     * the lock in this JVM and passes.
     */
    static void refuseWhileServiceRuns(Path stateDir, String deviceName, String device) {
        Path file = serviceLock(stateDir, deviceName);
        // our own service: opening (and closing) a second channel on the file would drop the process's fcntl lock
        if (HELD.contains(file.toAbsolutePath()) || !Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException ours) {
                return;
            }
            if (l != null) {
                l.release();
                return;
            }
            throw new QmiConnException(ExitCode.BUSY, "the qmi-conn service" + readHolder(ch) + " owns " + device
                    + ": use qmi-conn up/down/status (answered by the service) or stop it first");
        } catch (IOException e) {
            // unreadable lock file: nothing to learn from it
        }
    }

    private static DeviceLock acquire(Path file, java.util.function.Function<String, String> busy) {
        Path stateDir = file.getParent();
        FileChannel ch = null;
        try {
            try {
                Files.createDirectories(stateDir);
            } catch (FileAlreadyExistsException | NotDirectoryException e) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "--state-dir " + stateDir + " is not a directory");
            } catch (FileSystemException e) {
                if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                    throw new QmiConnException(ExitCode.BAD_INPUT, "--state-dir " + stateDir + " is not a directory"
                            + " (" + e.getFile() + " is a file)");
                }
                throw e;
            }
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = readHolder(ch);
                ch.close();
                throw new QmiConnException(ExitCode.BUSY, busy.apply(holder));
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DeviceLock(ch, l);
        } catch (AccessDeniedException e) {
            closeQuietly(ch);
            throw new QmiConnException(ExitCode.FAILURE, "cannot lock " + file + ": permission denied; run this "
                    + "as root", e);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new QmiConnException(ExitCode.FAILURE, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    @Override
    public void close() {
        onClose.run();
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }
}
