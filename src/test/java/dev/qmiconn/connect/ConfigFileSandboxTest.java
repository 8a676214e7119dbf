package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * Scenario pin (PIN1 1234): the APN and PIN come from /etc/qmi-conn/cdc-wdm0.conf (the sandbox's own /etc, an
 * overlay), written by {@code generate config}, so neither is on up's command line.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class ConfigFileSandboxTest {

    @Test
    void should_connect_with_the_apn_and_pin_from_the_config_file_only() {
        try (SandboxedQmiConn box = new SandboxedQmiConn("pin")) {
            CommandResult gen = box.qmiConn("generate", "config", "--apn", "fast.metropcs.com", "--pin", "1234",
                    "--timeout", "20s", "--out", "/etc/qmi-conn/cdc-wdm0.conf");
            assertEquals(0, gen.exitCode(), show(gen));
            assertEquals("600 root", box.run("stat", "-c", "%a %U", "/etc/qmi-conn/cdc-wdm0.conf").strip());

            box.run("chmod", "644", "/etc/qmi-conn/cdc-wdm0.conf");
            CommandResult open = box.qmiConn("up");
            assertEquals(ExitCode.BAD_INPUT.code(), open.exitCode(), show(open));
            assertTrue(open.stderr().contains("run chmod 600 /etc/qmi-conn/cdc-wdm0.conf"), show(open));
            assertEquals(0, box.sandbox.emulator().liveClientIds(), "refused before talking to the modem");

            box.run("chmod", "600", "/etc/qmi-conn/cdc-wdm0.conf");
            CommandResult up = box.qmiConn("up");
            assertEquals(0, up.exitCode(), show(up));
            assertTrue(up.stdout().contains("SIM unlocked with the PIN"), up.stdout());
            assertEquals(1, box.sandbox.emulator().liveSessions());
            assertEquals(0, box.qmiConn("down").exitCode());
        }
    }
}
