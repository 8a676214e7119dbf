package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/** watch's stronger medicine: a radio cycle through qmicli, and USB re-enumeration through sysfs (opt-in). */
class EscalationTest {

    private static Transcript setMode(String mode, int exit, String out, String err) {
        return Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--dms-set-operating-mode=" + mode), exit,
                out, err);
    }

    @Test
    void should_cycle_the_radio_through_low_power_then_online() {
        try (ReplayingRunner runner = new ReplayingRunner(List.of(
                setMode("low-power", 0, "[/dev/cdc-wdm0] Operating mode set successfully\n", ""),
                setMode("online", 0, "[/dev/cdc-wdm0] Operating mode set successfully\n", "")))) {
            String done = new Escalation(runner, "/dev/cdc-wdm0", false, Path.of("/nonexistent")).cycleRadio();
            assertEquals("radio cycled (low-power, then online)", done);
        }
    }

    @Test
    void should_say_why_a_radio_cycle_failed_instead_of_throwing() {
        try (ReplayingRunner runner = new ReplayingRunner(List.of(setMode("low-power", 1, "",
                "error: couldn't set operating mode: QMI protocol error (3): 'Internal'\n")))) {
            String done = new Escalation(runner, "/dev/cdc-wdm0", false, Path.of("/nonexistent")).cycleRadio();
            assertTrue(done.startsWith("radio cycle failed: "), done);
            assertTrue(done.contains("Internal"), done);
        }
    }

    @Test
    void should_deauthorize_then_authorize_the_usb_device_behind_the_control_port(@TempDir Path sys)
            throws Exception {
        // /sys/class/usbmisc/cdc-wdm0/device -> the USB interface 1-1:1.1, whose parent 1-1 is the device
        Path usbDevice = Files.createDirectories(sys.resolve("devices/usb1/1-1"));
        Path usbInterface = Files.createDirectories(usbDevice.resolve("1-1:1.1"));
        Files.writeString(usbDevice.resolve("authorized"), "1");
        Path classDir = Files.createDirectories(sys.resolve("class/usbmisc/cdc-wdm0"));
        Files.createSymbolicLink(classDir.resolve("device"), usbInterface);
        List<String> written = new java.util.ArrayList<>();
        StopSignal watching = new StopSignal() {
            @Override
            public boolean sleep(Duration d) {
                try {
                    written.add(Files.readString(usbDevice.resolve("authorized")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return false;
            }
        };
        String done = new Escalation(new ReplayingRunner(List.of()), "/dev/cdc-wdm0", false, sys)
                .reenumerateUsb(watching);
        assertEquals("USB device 1-1 re-enumerated", done);
        assertEquals(List.of("0"), written, "deauthorized while it waited");
        assertEquals("1", Files.readString(usbDevice.resolve("authorized")));
    }

    @Test
    void should_explain_when_the_usb_device_cannot_be_found(@TempDir Path sys) {
        String done = new Escalation(new ReplayingRunner(List.of()), "/dev/cdc-wdm0", false, sys)
                .reenumerateUsb(new StopSignal());
        assertTrue(done.startsWith("USB re-enumeration failed: "), done);
    }
}
