package dev.qmiconn.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class DeviceConfigFileTest {

    @TempDir
    Path dir;

    private Path file(String text, String mode) throws IOException {
        Path f = dir.resolve("cdc-wdm0.conf");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    private static String refusal(Path f) {
        QmiConnException e = assertThrows(QmiConnException.class, () -> DeviceConfigFile.load(f));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage();
    }

    @Test
    void should_find_the_file_of_the_device_and_be_empty_without_one() throws IOException {
        assertEquals(DeviceConfig.EMPTY, DeviceConfigFile.loadIfPresent(dir, "/dev/cdc-wdm0"));
        file("APN=fast.metropcs.com\n", "rw-r--r--");
        assertEquals(Optional.of("fast.metropcs.com"),
                DeviceConfigFile.loadIfPresent(dir, "/dev/cdc-wdm0").get(ConfigKey.APN));
        assertEquals(DeviceConfig.EMPTY, DeviceConfigFile.loadIfPresent(dir, "/dev/cdc-wdm1"));
    }

    @Test
    void should_refuse_a_secret_others_can_read_and_say_the_chmod() throws IOException {
        Path f = file("APN=x\nPIN=1234\n", "rw-r-----");
        assertEquals("config file " + f + " holds a PIN or password but is readable by group or others (mode 0640): "
                + "run chmod 600 " + f, refusal(f));
        file("APN_PASS=pw\n", "rw----r--");
        assertTrue(refusal(f).contains("(mode 0604): run chmod 600"));
        file("APN=x\nPIN=1234\n", "rw-------");
        assertEquals(Optional.of("1234"), DeviceConfigFile.load(f).get(ConfigKey.PIN));
        file("APN=x\n", "r--r--r--");
        assertEquals(Optional.of("x"), DeviceConfigFile.load(f).get(ConfigKey.APN), "no secret: may be readable");
    }

    @Test
    void should_refuse_a_file_others_can_change() throws IOException {
        Path f = file("APN=x\n", "rw-rw-r--");
        assertEquals("config file " + f + " is writable by group or others (mode 0664): run chmod go-w " + f,
                refusal(f));
    }

    @Test
    void should_refuse_a_file_owned_by_another_user() throws IOException {
        Path f = file("APN=x\n", "rw-------");
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0, "needs root to chown");
        Files.setAttribute(f, "unix:uid", 4242);
        assertEquals("config file " + f + " is owned by uid 4242, not root: run chown root: " + f, refusal(f));
    }

    @Test
    void should_say_when_a_named_file_is_missing() {
        assertEquals("config file " + dir.resolve("x.conf") + " does not exist", refusal(dir.resolve("x.conf")));
    }
}
