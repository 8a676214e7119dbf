package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;

/**
 * The service as USER-GUIDE.md sets it up (the per-device file from {@code generate config}, the system's extra
 * watch options in /etc/default/qmi-conn, {@code systemctl enable}), on the same booted system as the scenarios of
 * {@link BootedSystemScenarios}: up at "boot" (the container restarts) and ready for systemd, the carrier's name
 * through the system's own resolver, the socket for the group qmi-conn only, the system's DHCP clients not taking
 * the address away, a drop ridden out, and {@code systemctl stop} leaving nothing behind at the modem or in the
 * resolver; then the ledger across a reboot and a reached cap at boot.
 */
abstract class ServiceScenarios extends BootedSystemScenarios {

    /** The servers the modem's DHCP announces (the e397u-53 scenario): what qmi-conn hands the resolver. */
    static final String MODEM_DNS = "10.177.0.34";
    static final String SOCKET = "/run/qmi-conn/cdc-wdm0.sock";
    private static final String MEMBER = "qmi-member";
    private static final String STRANGER = "not-a-member";

    /** What USER-GUIDE.md puts in QMI_CONN_WATCH_OPTS for this kind of system. */
    String watchOptionsAtBoot() {
        return "";
    }

    /**
     * The commands that show where this system's resolver keeps its name servers, including the place qmi-conn's
     * backend writes to (resolv.conf, NetworkManager's drop-in, resolvectl, resolvconf's records).
     */
    abstract List<List<String>> resolverConfig();

    /** The text of {@link #resolverConfig()}, printed into the test output. */
    String resolverView() {
        return resolverView(true);
    }

    private String resolverView(boolean print) {
        StringBuilder b = new StringBuilder();
        for (List<String> argv : resolverConfig()) {
            String[] a = argv.toArray(String[]::new);
            b.append((print ? box.run(a) : box.quiet(a)).getStdout()).append('\n');
        }
        return b.toString();
    }

    boolean resolvesTestName() {
        ExecResult name = box.quiet("getent", "hosts", TEST_NAME);
        return name.getExitCode() == 0 && name.getStdout().startsWith(TEST_NAME_ADDRESS + " ");
    }

    /** Up to 20 s: the address shows before watch has handed the DNS servers over. */
    void assertResolvesTestName(String when) {
        boolean resolves = SystemContainer.await(Duration.ofSeconds(20), this::resolvesTestName);
        box.run("getent", "hosts", TEST_NAME);
        assertTrue(resolves, TEST_NAME + " does not resolve through the system's resolver " + when);
    }

    @Test
    @Order(20)
    void should_bring_wwan0_up_at_boot_ready_and_resolving_with_the_unit_enabled() {
        box.run("mkdir", "-p", "/etc/qmi-conn");
        ExecResult config = box.run("qmi-conn", "generate", "config", "--device", "/dev/cdc-wdm0", "--apn", APN,
                "--out", CONFIG);
        assertEquals(0, config.getExitCode(), config.getStderr());
        box.write("/etc/default/qmi-conn", "QMI_CONN_WATCH_OPTS=\"" + watchOptionsAtBoot() + "\"\n", 0644);
        assertEquals(0, box.run("systemctl", "enable", UNIT).getExitCode());
        box.reboot();
        boolean up = box.awaitAddress(ADDRESS, Duration.ofSeconds(90));
        box.run("systemctl", "status", "--no-pager", "-n", "20", UNIT);
        assertTrue(up, "wwan0 has no " + ADDRESS + " 90 s after boot");
        assertEquals(1, box.awaitModemState("sessions", 1), "the modem's data sessions after boot");
        // Type=notify: READY=1 came (else 'activating/start' until TimeoutStartSec)
        assertEquals("active/running", box.unitState(UNIT), "the unit with the link up");
        assertEquals("", box.run("systemctl", "--failed", "--no-legend", "--plain").getStdout().strip());
        box.run("ls", "-l", "/etc/resolv.conf");
        assertResolvesTestName("after boot");
        assertTrue(resolverView().contains(MODEM_DNS), "the modem's DNS servers are not in the resolver");
    }

    /**
     * NetworkManager (pios) and dhcpcd (legacy) also lease on wwan0 (see {@link #rivalOnWwan0()}): whoever wins,
     * wwan0 must keep the session's address, and only it, over several of watch's polls (2 s): no flush by a rival,
     * no second address.
     */
    @Test
    @Order(21)
    void should_keep_the_sessions_address_on_wwan0_next_to_the_systems_dhcp_clients() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int samples = 0;
        while (System.nanoTime() < deadline) {
            String addrs = box.quiet("ip", "-4", "-o", "addr", "show", "dev", "wwan0").getStdout();
            List<String> inet = addrs.lines().map(l -> l.replaceFirst("^.*? inet (\\S+) .*$", "$1")).toList();
            assertEquals(List.of(ADDRESS + "/30"), inet, "wwan0's IPv4 addresses, sample " + samples);
            samples++;
            SystemContainer.pause(250);
        }
        box.run("ip", "-4", "addr", "show", "dev", "wwan0");
        box.run("ip", "-4", "route");
        assertEquals("active/running", box.unitState(UNIT));
        System.out.printf("[%s] wwan0 kept %s alone over %d samples in 10 s%n", variant(), ADDRESS, samples);
    }

    @Test
    @Order(22)
    void should_answer_status_for_the_group_qmi_conn_and_refuse_others_in_one_line() {
        box.run("useradd", "--no-create-home", "--groups", "qmi-conn", MEMBER);
        box.run("useradd", "--no-create-home", STRANGER);
        box.run("ls", "-l", SOCKET);
        ExecResult member = box.runAs(MEMBER, "qmi-conn", "status");
        // a non-root status without the service fails (it cannot open the device): exit 0 came from the socket
        assertEquals(0, member.getExitCode(), member.getStderr());
        assertTrue(member.getStdout().contains("connected on LTE"), member.getStdout());

        ExecResult stranger = box.runAs(STRANGER, "qmi-conn", "status");
        assertEquals(77, stranger.getExitCode(), "NO_PERMISSION");
        assertEquals("", stranger.getStdout());
        assertEquals(1, stranger.getStderr().strip().lines().count(), stranger.getStderr());
        assertTrue(stranger.getStderr().contains("qmi-conn"), stranger.getStderr());
    }

    /** The network ends the session (the emulator's drop): watch notices, reconnects, and DNS is right again. */
    @Test
    @Order(23)
    void should_bring_the_link_back_after_a_drop_with_the_name_still_resolving() {
        String since = "@" + box.quiet("date", "+%s").getStdout().strip();
        box.dropSession();
        long dropped = System.nanoTime();
        boolean back = SystemContainer.await(Duration.ofSeconds(90),
                () -> box.modemState().getOrDefault("sessions", -1) == 1 && box.hasAddress(ADDRESS)
                        && watchSaid(since, "connected "));
        System.out.printf("[%s] back online %d ms after the drop%n", variant(),
                (System.nanoTime() - dropped) / 1_000_000);
        box.run("journalctl", "-u", UNIT, "--since", since, "-o", "cat", "--no-pager", "-n", "15");
        assertTrue(watchSaid(since, "dropped "), "watch did not report the drop");
        assertTrue(back, "no session, address and 'connected' 90 s after the drop");
        assertEquals("active/running", box.unitState(UNIT));
        assertResolvesTestName("after the drop");
        assertTrue(resolverView().contains(MODEM_DNS), "the modem's DNS servers are gone after the reconnect");
    }

    /** Under journald watch writes no timestamp of its own ('<4>dropped ...'): the word starts the line. */
    boolean watchSaid(String since, String word) {
        return box.quiet("journalctl", "-u", UNIT, "--since", since, "-o", "cat", "--no-pager").getStdout()
                .lines().anyMatch(l -> l.startsWith(word));
    }

    @Test
    @Order(24)
    void should_leave_no_client_ids_no_dns_and_an_inactive_unit_when_stopped() {
        assertEquals(0, box.run("systemctl", "stop", UNIT).getExitCode());
        assertEquals(0, box.awaitModemState("client-ids", 0), "client ids left at the modem after systemctl stop");
        assertEquals(0, box.awaitModemState("sessions", 0), "data sessions left after systemctl stop");
        // the modem's side of the link goes down with the session: a rival DHCP client loses carrier too
        boolean gone = SystemContainer.await(Duration.ofSeconds(10), () -> !box.hasAddress(ADDRESS));
        box.run("ip", "-4", "addr", "show", "dev", "wwan0");
        assertTrue(gone, "wwan0 keeps its address after systemctl stop");
        boolean dnsGone = SystemContainer.await(Duration.ofSeconds(15),
                () -> !resolverView(false).contains(MODEM_DNS));
        resolverView();
        assertTrue(dnsGone, "the modem's DNS servers stay in the resolver after systemctl stop");
        assertEquals("inactive/dead", box.unitState(UNIT), "SIGTERM is how systemd stops it: not a failure");
    }

    /**
     * Type=notify: {@code systemctl start} returns once watch said READY=1, which it says when its socket serves;
     * so right after the start the unit is active and the socket there (Type=simple would return before either).
     */
    @Test
    @Order(25)
    void should_return_from_systemctl_start_only_once_the_service_is_ready() {
        long t0 = System.nanoTime();
        ExecResult start = box.run("timeout", "150", "systemctl", "start", UNIT);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, start.getExitCode(), "systemctl start (124: no READY=1 within 150 s)");
        assertEquals("active/running", box.unitState(UNIT), "right after systemctl start returned");
        assertEquals(0, box.quiet("test", "-S", SOCKET).getExitCode(), "no socket when systemctl start returned");
        System.out.printf("[%s] systemctl start returned after %d ms, the unit ready%n", variant(), took);
        assertTrue(box.awaitAddress(ADDRESS, Duration.ofSeconds(60)), "wwan0 not up 60 s after systemctl start");
        assertEquals("active/running", box.unitState(UNIT), "with the link up");
        assertResolvesTestName("after systemctl start");
    }

    /** The ledger lives in /var/lib/qmi-conn (StateDirectory): a reboot must not reset the period's count. */
    @Test
    @Order(26)
    void should_keep_the_periods_usage_across_a_reboot() {
        long before = usedBytes();
        assertTrue(before > 0, "the ledger counted 0 bytes for the sessions so far");
        box.reboot();
        assertTrue(box.awaitAddress(ADDRESS, Duration.ofSeconds(90)), "wwan0 not up after the second boot");
        long after = usedBytes();
        assertTrue(after >= before, "usage went from " + before + " to " + after + " bytes across a reboot");
    }

    /** A cap the period has already reached: after a reboot the service must not bring the link up. */
    @Test
    @Order(27)
    void should_refuse_to_connect_at_boot_when_the_cap_is_reached() {
        box.run("systemctl", "stop", UNIT);
        ExecResult config = box.run("qmi-conn", "generate", "config", "--device", "/dev/cdc-wdm0", "--apn", APN,
                "--cap", "1KB", "--force", "--out", CONFIG);
        assertEquals(0, config.getExitCode(), config.getStderr());
        String since = "@" + box.quiet("date", "+%s").getStdout().strip();
        box.reboot();
        // watch says so in one line: "capped data cap 1.0 KB used up; down until <next period>"
        boolean capped = SystemContainer.await(Duration.ofSeconds(60), () -> watchSaid(since, "capped "));
        box.run("journalctl", "-u", UNIT, "--since", since, "-o", "cat", "--no-pager", "-n", "15");
        assertTrue(capped, "the service did not say it is capped after boot");
        assertFalse(box.hasAddress(ADDRESS), "wwan0 came up at boot with the cap reached");
        assertEquals(0, box.awaitModemState("sessions", 0), "a data session at boot with the cap reached");
        ExecResult usage = box.run("qmi-conn", "usage");
        assertEquals(13, usage.getExitCode(), "qmi-conn usage while the service holds the cap: CAP_REACHED");
    }

    private long usedBytes() {
        ExecResult r = box.run("qmi-conn", "usage", "--json");
        Matcher m = Pattern.compile("\"used_bytes\" : (\\d+)").matcher(r.getStdout());
        assertTrue(m.find(), r.getStdout() + r.getStderr());
        return Long.parseLong(m.group(1));
    }
}
