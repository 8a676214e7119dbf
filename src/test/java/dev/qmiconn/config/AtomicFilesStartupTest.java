package dev.qmiconn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write's start-up cost in a fresh JVM: no SecureRandom (its seeding and providers were ~10-15 ms before
 * {@code up}'s first qmicli, through Files.createTempFile), and the temp file is still created 0600 with a name
 * {@link StaleTempFiles} recognises as ours.
 */
class AtomicFilesStartupTest {

    @TempDir
    Path tmp;

    /** What the child JVM runs: one atomic write, as a command's first state write. */
    public static void main(String[] args) {
        AtomicFiles.write(Path.of(args[0]), "{}\n");
    }

    @Test
    void should_write_without_initialising_a_secure_random_in_a_fresh_jvm() throws Exception {
        Path target = tmp.resolve("cdc-wdm0.json");
        Path log = tmp.resolve("classes.log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                AtomicFilesStartupTest.class.getName(), target.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("{}\n", Files.readString(target));
        String classes = Files.readString(log);
        assertTrue(classes.contains("dev.qmiconn.config.AtomicFiles "), "the log names loaded classes");
        assertFalse(classes.contains("java.security.SecureRandom "), "a state write seeds no SecureRandom");
    }

    @Test
    void should_create_the_temp_file_owner_only_with_a_name_stale_temp_files_knows() throws Exception {
        Path target = tmp.resolve("resolv.conf.head");
        Path t = AtomicFiles.createTemp(tmp, StaleTempFiles.prefix(target));
        String name = t.getFileName().toString();
        assertTrue(name.matches("\\.resolv\\.conf\\.head\\.\\d+-\\d+\\.tmp"), name);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(t)));
        Path other = AtomicFiles.createTemp(tmp, StaleTempFiles.prefix(target));
        assertFalse(other.equals(t), "a second temp file gets a name of its own");
    }
}
