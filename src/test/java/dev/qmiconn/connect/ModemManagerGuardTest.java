package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** up looks before it talks: ModemManager on the port fails fast with the fixes, unless qmi-proxy shares it. */
class ModemManagerGuardTest {

    @TempDir
    Path root;
    Path sys;

    @BeforeEach
    void aPiWithTheModem() throws Exception {
        sys = root.resolve("sys");
        Files.createDirectories(sys.resolve("class/usbmisc/cdc-wdm0"));
        Files.writeString(sys.resolve("class/usbmisc/cdc-wdm0/dev"), "180:0\n");
        Files.createDirectories(root.resolve("run/udev/data"));
        Files.writeString(root.resolve("run/udev/data/c180:0"), "I:5213\nE:ID_USB_INTERFACE_NUM=01\nG:systemd\n");
    }

    private void modemManager(boolean holdsPort) throws Exception {
        Files.createDirectories(root.resolve("proc/588/fd"));
        Files.writeString(root.resolve("proc/588/comm"), "ModemManager\n");
        if (holdsPort) {
            Files.createSymbolicLink(root.resolve("proc/588/fd/12"), Path.of("/dev/cdc-wdm0"));
        }
    }

    private Paths paths() {
        return new Paths(root.resolve("run/qmi-conn"), root.resolve("head"), root.resolve("conf"), sys,
                root.resolve("tmp"), Path.of("hook"), root);
    }

    @Test
    void should_let_up_go_on_when_modemmanager_is_not_running() {
        ModemManagerGuard.check(paths(), "/dev/cdc-wdm0", false);
    }

    @Test
    void should_fail_fast_with_the_fixes_when_modemmanager_holds_the_port() throws Exception {
        modemManager(true);
        QmiConnException e = assertThrows(QmiConnException.class,
                () -> ModemManagerGuard.check(paths(), "/dev/cdc-wdm0", false));
        assertEquals(ExitCode.PORT_IN_USE, e.exitCode());
        assertTrue(e.getMessage().startsWith("ModemManager (pid 588) holds /dev/cdc-wdm0: two programs on one QMI "
                + "port time out ('Transaction timed out'); either share the port through qmi-proxy: qmi-conn up "
                + "--proxy;"), e.getMessage());
        assertEquals(Optional.empty(), ModemManagerGuard.conflict(root, sys, "/dev/cdc-wdm0", true),
                "through qmi-proxy both share the port");
    }

    @Test
    void should_see_that_modemmanager_will_probe_an_untagged_port_but_not_a_tagged_one() throws Exception {
        modemManager(false);
        assertEquals(Optional.of("ModemManager (pid 588) runs and will probe /dev/cdc-wdm0 (udev does not tag it "
                + "ID_MM_DEVICE_IGNORE)"), ModemManagerGuard.conflict(root, sys, "/dev/cdc-wdm0", false));
        Files.writeString(root.resolve("run/udev/data/c180:0"), "I:5213\nE:ID_MM_DEVICE_IGNORE=1\n"
                + "E:ID_MM_PORT_IGNORE=1\n");
        assertEquals(Optional.empty(), ModemManagerGuard.conflict(root, sys, "/dev/cdc-wdm0", false));
    }
}
