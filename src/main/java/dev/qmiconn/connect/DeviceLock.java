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
        Path file = stateDir.resolve(deviceName + ".lock");
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
                throw new QmiConnException(ExitCode.BUSY, "another qmi-conn" + holder + " is bringing " + device
                        + " up or down (lock " + file + "); wait for it to finish");
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
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }
}
