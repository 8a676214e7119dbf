package dev.qmiconn.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramPathTest {

    @TempDir
    Path tmp;

    @Test
    void should_find_the_first_executable_file_and_skip_what_exec_could_not_run() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("qmicli"), "not executable");
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Files.createDirectories(dir.resolve("qmicli"));
        Path first = program(Files.createDirectories(tmp.resolve("first")));
        Path second = program(Files.createDirectories(tmp.resolve("second")));

        String path = plain + ":" + dir + ":" + first.getParent() + ":" + second.getParent();
        assertEquals(Optional.of(first), ProgramPath.find(path, "qmicli"));
    }

    @Test
    void should_find_nothing_without_a_path_or_a_program() {
        assertTrue(ProgramPath.find(null, "qmicli").isEmpty());
        assertTrue(ProgramPath.find(tmp.toString(), "qmicli").isEmpty());
    }

    private static Path program(Path dir) throws IOException {
        Path p = dir.resolve("qmicli");
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
