package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.ExecRunner;
import picocli.CommandLine;

/** {@code qmi-conn --version} against a stand-in {@code qmicli} (a tiny sh script) on a private PATH. */
class VersionProviderTest {

    @TempDir
    Path bin;

    static void fakeQmicli(Path dir, String script) throws IOException {
        Path p = dir.resolve("qmicli");
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String version(Map<String, String> env) {
        CommandLine cl = Main.commandLine(new AppContext(new ExecRunner(), Clock.systemUTC(), env));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--version"));
        return out.toString();
    }

    @Test
    void should_name_the_1_16_2_bug_and_the_workaround() throws IOException {
        fakeQmicli(bin, "echo 'qmicli 1.16.2'; echo 'Copyright (C) 2012-2016 Aleksander Morgado'");
        String out = version(Map.of("PATH", bin.toString()));
        assertTrue(out.startsWith("qmi-conn "), out);
        assertTrue(out.contains("libqmi 1.16.2 (" + bin.resolve("qmicli") + "): needs a workaround"), out);
        assertTrue(out.contains("845979"), out);
        assertTrue(out.contains("error 64"), out);
        assertTrue(out.contains("ip-type=4"), out);
    }

    @Test
    void should_say_a_current_libqmi_is_fine() throws IOException {
        fakeQmicli(bin, "echo 'qmicli 1.32.2'");
        String out = version(Map.of("PATH", bin.toString()));
        assertTrue(out.contains("libqmi 1.32.2 (" + bin.resolve("qmicli") + "): ok"), out);
    }

    @Test
    void should_say_when_qmicli_is_missing() {
        String out = version(Map.of("PATH", bin.toString()));
        assertTrue(out.contains("qmicli not found on PATH; install libqmi-utils"), out);
    }

    @Test
    void should_say_when_qmicli_answers_something_else() throws IOException {
        fakeQmicli(bin, "echo 'segmentation fault' >&2; exit 139");
        String out = version(Map.of("PATH", bin.toString()));
        assertTrue(out.contains("libqmi: qmicli --version failed: segmentation fault"), out);
    }
}
