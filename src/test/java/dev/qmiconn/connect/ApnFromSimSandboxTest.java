package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.operator.ProviderDatabase;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * {@code up} with no APN anywhere, run by the real qmicli, udhcpc and ip against the emulator, looking the SIM's
 * operator up in the real serviceproviders.xml of Debian's mobile-broadband-provider-info (bin/setup installs
 * it): an O2 SIM (in the database, with PAP credentials), a MetroPCS SIM (not in it), and --apn or a profile
 * APN winning over the database.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class ApnFromSimSandboxTest {

    private static void requireDatabase() {
        assertTrue(Files.isRegularFile(ProviderDatabase.DEBIAN),
                ProviderDatabase.DEBIAN + " missing: bin/setup installs mobile-broadband-provider-info");
    }

    @Test
    void should_connect_an_o2_sim_with_the_apn_and_credentials_the_database_lists() {
        requireDatabase();
        try (SandboxedQmiConn box = new SandboxedQmiConn("o2-uk")) {
            CommandResult up = box.qmiConn("up", "--timeout", "20s");

            assertEquals(0, up.exitCode(), show(up));
            assertTrue(up.stdout().contains("APN 'mobile.o2.co.uk' from the provider database for the SIM's "
                    + "operator 234/10 (O2, gb): marked as the internet APN"), up.stdout());
            assertTrue(up.stdout().contains("(2-digit MNC: the home network says 10)"), up.stdout());
            assertEquals(1, box.sandbox.emulator().liveSessions(), "the emulator wants PAP o2web/password");
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
        }
    }

    @Test
    void should_refuse_in_one_line_naming_an_operator_the_database_lacks_and_leave_nothing_behind() {
        requireDatabase();
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            CommandResult up = box.qmiConn("up", "--timeout", "20s");

            assertEquals(ExitCode.BAD_INPUT.code(), up.exitCode(), show(up));
            assertEquals(1, up.stderr().lines().count(), show(up));
            assertEquals("qmi-conn: no APN given and the SIM's operator 311/660 (MetroPCS) is not in the provider "
                    + "database " + ProviderDatabase.DEBIAN + ": give --apn NAME (or APN= in the profile)",
                    up.stderr().strip());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
            assertEquals(0, box.sandbox.emulator().liveSessions());

            CommandResult given = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s");
            assertEquals(0, given.exitCode(), show(given));
            assertFalse(given.stdout().contains("provider database"), given.stdout());
            assertEquals(0, box.qmiConn("down").exitCode());
        }
    }

    @Test
    void should_let_an_explicit_apn_or_the_profiles_win_over_the_database() throws Exception {
        requireDatabase();
        try (SandboxedQmiConn box = new SandboxedQmiConn("o2-uk")) {
            CommandResult up = box.qmiConn("-v", "up", "--apn", "idata.o2.co.uk", "--user", "o2web", "--password",
                    "password", "--auth", "pap", "--timeout", "20s");
            assertEquals(0, up.exitCode(), show(up));
            assertFalse(up.stdout().contains("provider database"), up.stdout());
            assertTrue(up.stderr().contains("--wds-start-network=apn='idata.o2.co.uk'"), up.stderr());
            assertEquals(0, box.qmiConn("down").exitCode());

            Files.writeString(box.sandbox.tmpDir().resolve("qmi-network.conf"),
                    "APN=idata.o2.co.uk\nAPN_USER=o2web\nAPN_PASS=password\n");
            CommandResult profiled = box.qmiConn("-v", "up", "--profile", "/tmp/qmi-network.conf", "--auth", "pap",
                    "--timeout", "20s");
            assertEquals(0, profiled.exitCode(), show(profiled));
            assertFalse(profiled.stdout().contains("provider database"), profiled.stdout());
            assertTrue(profiled.stderr().contains("--wds-start-network=apn='idata.o2.co.uk'"), profiled.stderr());
            assertEquals(0, box.qmiConn("down").exitCode());
            assertEquals(0, box.sandbox.emulator().liveClientIds());
        }
    }
}
