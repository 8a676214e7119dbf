package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** The pure parts of up/down: DNS block, profile, durations, lease, lock, sysfs. */
class ConnectPartsTest {

    @TempDir
    Path tmp;

    @Test
    void should_keep_every_user_line_around_the_dns_block_and_replace_only_ours() {
        String user = "#OpenDns Servers\nnameserver 1.1.1.1\n";
        String once = DnsBlock.render(user, "cdc-wdm0", List.of("10.0.0.1"));
        String twice = DnsBlock.render(once + "search lan\n", "cdc-wdm0", List.of("10.0.0.2", "10.0.0.3"));

        assertEquals(user + DnsBlock.begin("cdc-wdm0") + "\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n"
                + DnsBlock.end("cdc-wdm0") + "\nsearch lan\n", twice, "the block stays where it was");
        assertEquals(user + "search lan\n", DnsBlock.strip(twice, "cdc-wdm0"));
        assertEquals("", DnsBlock.strip("", "cdc-wdm0"));
    }

    @Test
    void should_leave_another_devices_block_alone() {
        String two = DnsBlock.render(DnsBlock.render("", "cdc-wdm0", List.of("10.0.0.1")), "cdc-wdm1",
                List.of("10.1.0.1"));
        String one = DnsBlock.strip(two, "cdc-wdm0");

        assertEquals(DnsBlock.render("", "cdc-wdm1", List.of("10.1.0.1")), one);
    }

    @Test
    void should_write_and_remove_the_block_atomically_in_the_file() throws Exception {
        Path head = tmp.resolve("resolv.conf.head");
        Files.writeString(head, "nameserver 1.1.1.1\n");
        DnsBlock.apply(head, "cdc-wdm0", List.of("10.177.0.34"));
        assertTrue(Files.readString(head).contains("nameserver 10.177.0.34"));
        DnsBlock.remove(head, "cdc-wdm0");
        assertEquals("nameserver 1.1.1.1\n", Files.readString(head));
    }

    @Test
    void should_read_the_guides_profile_without_sourcing_it() {
        Profile p = Profile.parse("# qmi-network.conf\nAPN=fast.metropcs.com\nAPN_USER=\"metro\"\n"
                + "APN_PASS='s3cret'\nIP_TYPE=4\nPROXY=yes\nEVIL=$(reboot)\n");

        assertEquals(Optional.of("fast.metropcs.com"), p.apn());
        assertEquals(Optional.of("metro"), p.apnUser());
        assertEquals(Optional.of("s3cret"), p.apnPass());
        assertEquals(Optional.of("4"), p.ipType());
        assertTrue(p.proxy());
        assertEquals(Profile.EMPTY, Profile.read(tmp.resolve("missing.conf")));
    }

    @Test
    void should_parse_human_durations_and_refuse_nonsense() {
        assertEquals(Duration.ofSeconds(30), DurationParser.parse("30s"));
        assertEquals(Duration.ofMinutes(2), DurationParser.parse("2m"));
        assertEquals(Duration.ofSeconds(90), DurationParser.parse("1m30s"));
        assertEquals(Duration.ofMillis(500), DurationParser.parse("500ms"));
        assertEquals(Duration.ofSeconds(45), DurationParser.parse("45"));
        assertEquals(Duration.ofSeconds(30), DurationParser.parse("PT30S"));
        for (String bad : List.of("", "0s", "-5s", "soon", "5 parsecs")) {
            QmiConnException e = assertThrows(QmiConnException.class, () -> DurationParser.parse(bad));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        }
    }

    @Test
    void should_read_the_lease_the_hook_printed_and_drop_invalid_values() {
        String printed = "udhcpc: started\nqmi-conn-lease ip=100.66.12.65\nqmi-conn-lease subnet=255.255.255.252\n"
                + "qmi-conn-lease router=100.66.12.66\nqmi-conn-lease dns=10.177.0.34 $(reboot) 10.177.0.210\n"
                + "qmi-conn-lease mtu=1500\n";

        IpSettings s = Dhcp.parseLease(printed).orElseThrow();

        assertEquals(new IpSettings("100.66.12.65", 30, "100.66.12.66", List.of("10.177.0.34", "10.177.0.210"), 1500,
                "dhcp"), s);
        assertEquals(Optional.empty(), Dhcp.parseLease("qmi-conn-lease ip=1.2.3.4; reboot\n"));
        assertEquals(Optional.empty(), Dhcp.parseLease(""));
    }

    @Test
    void should_refuse_a_second_holder_of_the_device_lock() {
        try (DeviceLock first = DeviceLock.acquire(tmp, "cdc-wdm0", "/dev/cdc-wdm0")) {
            QmiConnException e = assertThrows(QmiConnException.class,
                    () -> DeviceLock.acquire(tmp, "cdc-wdm0", "/dev/cdc-wdm0"));
            assertEquals(ExitCode.BUSY, e.exitCode());
            assertTrue(e.getMessage().contains("another qmi-conn"), e.getMessage());
        }
        DeviceLock.acquire(tmp, "cdc-wdm0", "/dev/cdc-wdm0").close(); // free again once released
    }

    @Test
    void should_find_the_interface_and_flip_raw_ip_in_sysfs() throws Exception {
        Paths p = FlowFixtures.paths(tmp);
        Sysfs sysfs = new Sysfs(p.sysfsRoot());

        assertEquals(Optional.of("wwan0"), sysfs.ifaceOf("cdc-wdm0"));
        assertEquals(Optional.of(false), sysfs.rawIp("wwan0"));
        sysfs.setRawIp("wwan0", true);
        assertEquals(Optional.of(true), sysfs.rawIp("wwan0"));
        assertEquals(Optional.empty(), sysfs.rawIp("eth0"));
    }

    @Test
    void should_count_bars_and_name_the_led_state() {
        assertEquals(LedState.CONNECTED, LedState.of(dev.qmiconn.qmi.model.RegistrationState.REGISTERED, true));
        assertEquals(LedState.SEARCHING,
                LedState.of(dev.qmiconn.qmi.model.RegistrationState.NOT_REGISTERED_SEARCHING, false));
        assertEquals(LedState.IDLE, LedState.of(dev.qmiconn.qmi.model.RegistrationState.NOT_REGISTERED, false));
        assertEquals("blue, solid", LedState.CONNECTED.led(true));
        assertEquals("green, blinking once every 3 s", LedState.REGISTERED.led(false));
        assertEquals(30, Ipv4.prefixOf("255.255.255.252"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4.prefixOf("255.0.255.0"));
    }

    @Test
    void should_undo_at_exit_only_while_armed_and_only_once() {
        int[] undone = {0};
        UndoOnExit killedMidway = UndoOnExit.arm(() -> undone[0]++);
        killedMidway.runHookNow();
        killedMidway.runHookNow();
        assertEquals(1, undone[0], "the hook undoes once");
        assertEquals(false, killedMidway.disarm(), "the caller must not undo a second time");

        UndoOnExit finished = UndoOnExit.arm(() -> undone[0]++);
        assertTrue(finished.disarm());
        finished.runHookNow();
        assertEquals(1, undone[0], "a disarmed guard does nothing at exit");
    }
}
