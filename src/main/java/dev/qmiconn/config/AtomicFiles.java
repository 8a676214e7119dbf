package dev.qmiconn.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Every config and state file qmi-conn writes goes through here: temp file in the same directory, fsync,
 * rename over the target, fsync the directory. A reader sees the old file or the new one, never half of one.
 * Temp files are named {@code .<target>.<pid>-<random>.tmp}; one whose writer died (kill -9 between create and
 * rename) is removed by the next write of the same target, once its pid is no longer running.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, String content) {
        write(target, content, null);
    }

    /** Writes atomically; {@code permissions} null keeps the target's current mode (or the umask default). */
    public static void write(Path target, String content, Set<PosixFilePermission> permissions) {
        write(target, content.getBytes(StandardCharsets.UTF_8), permissions);
    }

    /** The bytes as given: for files whose encoding is not ours to decide (resolv.conf.head may be Latin-1). */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        Path tmp = null;
        try {
            Path file = throughSymlinks(target);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            StaleTempFiles.removeFor(file);
            tmp = createTemp(dir, StaleTempFiles.prefix(file));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(content));
                ch.force(true);
            }
            Set<PosixFilePermission> mode = permissions;
            if (Files.exists(file)) {
                PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
                mode = mode == null ? old.permissions() : mode;
                keepOwner(tmp, old);
            }
            if (mode == null) {
                mode = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
            }
            Files.setPosixFilePermissions(tmp, mode);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the target
                }
            }
        }
    }

    /**
     * A new empty file {@code <prefix><digits>.tmp}, mode 0600, as {@link Files#createTempFile} makes, but named
     * from a plain random number: createTempFile seeds a SecureRandom first (~10-15 ms of class loading and
     * seeding on the first write of every run, on {@code up}'s path before its first qmicli). The name need not be
     * unguessable: CREATE_NEW (O_EXCL) neither follows a planted symlink nor reuses a file, and another name is
     * tried instead.
     */
    static Path createTemp(Path dir, String prefix) throws IOException {
        java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> ownerOnly =
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        for (int attempt = 0;; attempt++) {
            long n = java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path tmp = dir.resolve(prefix + n + StaleTempFiles.SUFFIX);
            try {
                return Files.createFile(tmp, ownerOnly);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt == 100) {
                    throw taken;
                }
            }
        }
    }

    /**
     * The file a symlink finally names, so the rename replaces that file and the link stays: /etc/resolv.conf is
     * often a link into /run (resolvconf, systemd-resolved). A link whose file does not exist yet is followed
     * by hand, since toRealPath needs the file.
     */
    public static Path throughSymlinks(Path target) throws IOException {
        if (Files.exists(target)) {
            return Files.isSymbolicLink(target) ? target.toRealPath() : target;
        }
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /** A file root rewrites keeps its owner and group (another user's resolv.conf must not become root's). */
    private static void keepOwner(Path tmp, PosixFileAttributes old) throws IOException {
        PosixFileAttributes now = Files.readAttributes(tmp, PosixFileAttributes.class);
        if (!now.owner().equals(old.owner()) || !now.group().equals(old.group())) {
            try {
                Files.setOwner(tmp, old.owner());
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setGroup(old.group());
            } catch (IOException notRoot) {
                // only root can give a file away; anyone else ends up owning the new file, as with any editor
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some filesystems refuse fsync on a directory; the rename itself is still atomic
        }
    }
}
