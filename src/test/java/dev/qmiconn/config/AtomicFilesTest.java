package dev.qmiconn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp file + rename: a new inode, the old mode/owner, symlinks kept, and nothing half-written on failure. */
class AtomicFilesTest {

    @TempDir
    Path tmp;

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino");
    }

    private List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void should_replace_the_file_by_rename_keeping_its_mode() throws Exception {
        Path f = Files.writeString(tmp.resolve("resolv.conf.head"), "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Object before = inode(f);

        AtomicFiles.write(f, "new\n");

        assertEquals("new\n", Files.readString(f));
        assertNotEquals(before, inode(f), "a new inode: renamed over, not rewritten in place");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void should_keep_the_files_owner_and_group() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        Path f = Files.writeString(tmp.resolve("head"), "old\n");
        Files.setAttribute(f, "unix:uid", 65534);
        Files.setAttribute(f, "unix:gid", 65534);

        AtomicFiles.write(f, "new\n");

        assertEquals(65534, Files.getAttribute(f, "unix:uid"));
        assertEquals(65534, Files.getAttribute(f, "unix:gid"));
    }

    @Test
    void should_keep_a_symlink_and_update_the_file_it_points_to() throws Exception {
        Path real = Files.writeString(Files.createDirectories(tmp.resolve("run/resolvconf")).resolve("resolv.conf"),
                "nameserver 1.1.1.1\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("etc")).resolve("resolv.conf"),
                Path.of("../run/resolvconf/resolv.conf"));

        AtomicFiles.write(link, "nameserver 10.0.0.1\n");

        assertTrue(Files.isSymbolicLink(link), "still a symlink");
        assertEquals(Path.of("../run/resolvconf/resolv.conf"), Files.readSymbolicLink(link));
        assertEquals("nameserver 10.0.0.1\n", Files.readString(real));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of(), leftovers(tmp.resolve("etc")));
        assertEquals(List.of(), leftovers(real.getParent()));
    }

    @Test
    void should_create_the_file_a_dangling_symlink_names() throws Exception {
        Files.createDirectories(tmp.resolve("run"));
        Path link = Files.createSymbolicLink(tmp.resolve("resolv.conf"), Path.of("run/resolv.conf"));

        AtomicFiles.write(link, "nameserver 10.0.0.1\n");

        assertTrue(Files.isSymbolicLink(link), "still a symlink");
        assertEquals("nameserver 10.0.0.1\n", Files.readString(tmp.resolve("run/resolv.conf")));
    }

    @Test
    void should_leave_the_old_content_and_no_temp_file_when_the_rename_fails() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("head")); // a directory: rename(2) over it fails, even as root
        Files.writeString(target.resolve("keep"), "user data\n");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, "new\n"));

        assertTrue(e.getMessage().startsWith("cannot write " + target), e.getMessage());
        assertEquals("user data\n", Files.readString(target.resolve("keep")));
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void should_remove_the_temp_file_a_killed_writer_left_on_the_next_write() throws Exception {
        Path head = Files.writeString(tmp.resolve("resolv.conf.head"), "old\n");
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path killed = Files.writeString(tmp.resolve(".resolv.conf.head." + dead.pid() + "-123.tmp"), "half");
        Path legacy = Files.writeString(tmp.resolve(".resolv.conf.head.8812.tmp"), "half");
        Files.setLastModifiedTime(legacy, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(StaleTempFiles.LEGACY_AGE).minusSeconds(5)));
        Path running = Files.writeString(tmp.resolve(".resolv.conf.head." + ProcessHandle.current().parent()
                .orElseThrow().pid() + "-7.tmp"), "in flight");
        Path freshLegacy = Files.writeString(tmp.resolve(".resolv.conf.head.99.tmp"), "in flight");
        Path otherFile = Files.writeString(tmp.resolve(".resolv.conf." + dead.pid() + "-5.tmp"), "not this target's");

        AtomicFiles.write(head, "new\n");

        assertEquals("new\n", Files.readString(head));
        assertTrue(Files.notExists(killed), "its writer is gone");
        assertTrue(Files.notExists(legacy), "an old pre-pid name");
        assertTrue(Files.exists(running), "a writer still running keeps its temp file");
        assertTrue(Files.exists(freshLegacy));
        assertTrue(Files.exists(otherFile), "another target's temp file is not this write's business");
    }

    @Test
    void should_write_bytes_as_given() throws Exception {
        Path head = tmp.resolve("resolv.conf.head");
        byte[] latin1 = "# caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        AtomicFiles.write(head, latin1, null);

        org.junit.jupiter.api.Assertions.assertArrayEquals(latin1, Files.readAllBytes(head));
    }
}
