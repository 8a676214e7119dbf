package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.testing.RealTools;

/**
 * The guides' dongle (scenario e397u-53: 802-3, no WDA, LTE) with the real qmicli, qmi-network, udhcpc and ip:
 * {@code qmi-conn up}, {@code status --json} and {@code down} run inside the sandbox with their default paths
 * (the sandbox's own /etc, /run and /tmp), one sandbox for the whole class.
 */
@RealTools({"qmicli", "qmi-network", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class E397uSandboxTest {

    private static final String USER_LINES = "#OpenDns Servers\nnameserver 1.1.1.1\nnameserver 1.0.0.1\n";
    /** The sandbox's own resolv.conf: a server nobody answers for (TEST-NET-1), so only the modem's can resolve. */
    private static final String USER_RESOLV = "# the user's\nnameserver 192.0.2.53\noptions timeout:1 attempts:1\n";
    private static SandboxedQmiConn box;

    @BeforeAll
    static void start() {
        box = new SandboxedQmiConn("e397u-53");
    }

    @AfterAll
    static void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    @Order(1)
    void should_refuse_bad_apn_device_and_iface_with_one_line_and_bad_input() {
        List<List<String>> bad = List.of(
                List.of("--apn", "fast'metropcs.com"), List.of("--apn", "fast.metropcs.com\nreboot"),
                List.of("--apn", "a;reboot"), List.of("--apn", ""),
                List.of("--apn", "fast.metropcs.com", "--device", "cdc-wdm0;reboot"),
                List.of("--apn", "fast.metropcs.com", "--iface", "wwan0;reboot"),
                List.of("--apn", "fast.metropcs.com", "--iface", "wwan9"));
        for (List<String> args : bad) {
            List<String> argv = new java.util.ArrayList<>(List.of("up"));
            argv.addAll(args);
            CommandResult r = box.qmiConn(argv.toArray(String[]::new));
            assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode(), () -> args + "\n" + show(r));
            assertEquals(1, r.stderr().lines().count(), () -> args + "\n" + show(r));
            assertTrue(r.stderr().startsWith("qmi-conn: "), r.stderr());
        }
        assertEquals(0, box.sandbox.emulator().liveClientIds());
        assertEquals(0, box.sandbox.emulator().liveSessions());
    }

    @Test
    @Order(1)
    void should_say_what_to_do_about_an_apn_the_network_does_not_know_and_leave_nothing() {
        CommandResult r = box.qmiConn("up", "--apn", "wrong.apn.example");

        assertEquals(ExitCode.CALL_FAILED.code(), r.exitCode(), show(r));
        assertEquals(1, r.stderr().lines().count(), show(r));
        assertTrue(r.stderr().startsWith("qmi-conn: data session refused: the network does not know this APN: "
                + "check --apn"), show(r));
        assertTrue(r.stderr().contains("[3gpp] unknown-apn"), show(r));
        assertEquals(0, box.sandbox.emulator().liveClientIds(), show(r));
        assertEquals(0, box.sandbox.emulator().liveSessions(), show(r));
    }

    @Test
    @Order(2)
    void should_bring_up_wwan0_with_the_emulators_address_and_resolve_through_the_modems_dns() throws Exception {
        Files.writeString(box.sandbox.tmpDir().resolve("user-head"), USER_LINES);
        box.run("cp", "/tmp/user-head", "/etc/resolv.conf.head");
        Files.writeString(box.sandbox.tmpDir().resolve("user-resolv"), USER_RESOLV);
        box.run("cp", "/tmp/user-resolv", "/etc/resolv.conf");
        assertFalse(resolves(), "nothing answers the carrier-only name before up");

        CommandResult r = box.qmiConn("up", "--apn", "fast.metropcs.com", "--timeout", "20s");

        assertEquals(0, r.exitCode(), show(r));
        SessionSettings s = box.sandbox.emulator().session().orElseThrow();
        assertTrue(box.run("ip", "-4", "addr", "show", "dev", "wwan0")
                .contains("inet " + s.address() + "/" + s.prefixLength() + " "));
        assertTrue(box.run("ip", "-4", "route", "show", "default").contains("default via " + s.gateway()
                + " dev wwan0"));
        // nothing manages resolv.conf in the sandbox: auto picks the plain file and says so
        assertTrue(r.stdout().contains("NOTE: no resolver manager found"), r.stdout());
        assertEquals(USER_LINES, box.run("cat", "/etc/resolv.conf.head"), "nothing reads the head here");
        assertEquals("# the user's\n" + DnsBlock.begin("cdc-wdm0") + "\nnameserver " + s.dns1() + "\nnameserver "
                + s.dns2() + "\n" + DnsBlock.end("cdc-wdm0") + "\nnameserver 192.0.2.53\noptions timeout:1 attempts:1\n",
                box.run("cat", "/etc/resolv.conf"));
        assertTrue(resolves(), "the modem's DNS answers through the Pi's resolver");
        assertTrue(r.stdout().contains("address:  " + s.address() + "/" + s.prefixLength() + " (dhcp)"), r.stdout());
        assertTrue(r.stdout().contains("radio:    lte, MetroPCS (311-660)"), r.stdout());
        assertEquals(1, box.sandbox.emulator().liveSessions());
        assertEquals(3, box.sandbox.emulator().liveClientIds(),
                "the session's WDS client and the NAS and UIM ids kept for status are kept, nothing else");
        String record = box.run("cat", "/run/qmi-conn/cdc-wdm0.json");
        assertTrue(record.contains("\"phase\" : \"up\""), record);
        assertTrue(record.contains("\"service\" : \"nas\"") && record.contains("\"service\" : \"uim\""), record);
    }

    @Test
    @Order(3)
    void should_report_the_scenarios_values_in_status_json() throws Exception {
        CommandResult r = box.qmiConn("status", "--json");

        assertEquals(0, r.exitCode(), show(r));
        JsonNode j = new ObjectMapper().readTree(r.stdout());
        Scenario sc = Scenario.load("e397u-53");
        SessionSettings s = box.sandbox.emulator().session().orElseThrow();
        assertEquals("/dev/cdc-wdm0", j.get("device").asText());
        assertEquals("wwan0", j.get("interface").asText());
        assertEquals("connected", j.get("state").asText());
        assertTrue(j.get("lte").asBoolean());
        assertEquals("blue, solid", j.get("led").asText());
        assertEquals("1.32.2", j.at("/libqmi/version").asText());
        assertEquals("disabled", j.at("/sim/pin1_state").asText());
        assertEquals(sc.identity().imei(), j.at("/ids/imei").asText());
        assertEquals(sc.identity().iccid(), j.at("/ids/iccid").asText());
        assertEquals("registered", j.at("/registration/state").asText());
        assertEquals(String.format("%03d", sc.radio().mcc()), j.at("/registration/mcc").textValue());
        assertEquals(String.format("%02d", sc.radio().mnc()), j.at("/registration/mnc").textValue());
        assertEquals(1, j.get("schema_version").asInt());
        assertEquals(sc.radio().operatorName(), j.at("/registration/operator").asText());
        assertEquals(sc.radio().rssi(), j.at("/signal/rssi_dbm").asInt());
        assertEquals(sc.radio().rsrp().intValue(), j.at("/signal/rsrp_dbm").asInt());
        assertEquals(sc.radio().rsrq().intValue(), j.at("/signal/rsrq_db").asInt());
        assertEquals(sc.radio().snr(), j.at("/signal/snr_db").asDouble(), 0.001);
        assertEquals(s.address(), j.at("/ip/address").asText());
        assertEquals(s.gateway(), j.at("/ip/gateway").asText());
        assertEquals(List.of(s.dns1(), s.dns2()), List.of(j.at("/ip/dns/0").asText(), j.at("/ip/dns/1").asText()));
        assertTrue(j.at("/packets/rx_bytes").asLong() > 0);
        assertTrue(j.at("/session/uptime_seconds").asLong() >= 0);
        assertEquals(0, j.get("errors").size());

        CommandResult text = box.qmiConn("status"); // the ids now come from the state dir
        assertTrue(text.stdout().contains("\n  modem:        IMEI " + sc.identity().imei() + "\n  sim:          present, "
                + "ICCID " + sc.identity().iccid() + ", PIN disabled"), show(text));
        assertTrue(Files.exists(box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.ids")), show(text));
    }

    @Test
    @Order(4)
    void should_leave_no_client_id_no_session_no_dns_block_after_down_and_down_again_is_fine() {
        CommandResult r = box.qmiConn("down");

        assertEquals(0, r.exitCode(), show(r));
        assertEquals(0, box.sandbox.emulator().liveClientIds());
        assertEquals(0, box.sandbox.emulator().liveSessions());
        assertEquals(USER_LINES, box.run("cat", "/etc/resolv.conf.head"));
        assertEquals(USER_RESOLV, box.run("cat", "/etc/resolv.conf"));
        assertFalse(resolves(), "the modem's servers are gone from the resolver");
        assertFalse(box.run("ip", "-4", "addr", "show", "dev", "wwan0").contains("inet "));
        assertEquals(List.of("cdc-wdm0.ids", "cdc-wdm0.lock", "cdc-wdm0.no-wda", "libqmi-version"),
                box.run("ls", "/run/qmi-conn").lines().toList(),
                "session state removed; the lock file and the caches of IMEI/ICCID, no-WDA and libqmi version stay");
        CommandResult again = box.qmiConn("down");
        assertEquals(0, again.exitCode(), show(again));
        CommandResult status = box.qmiConn("status");
        assertEquals(ExitCode.NOT_CONNECTED.code(), status.exitCode(), show(status));
    }

    @Test
    @Order(5)
    void should_connect_through_qmi_network_and_honour_its_state_file() throws Exception {
        Files.writeString(box.sandbox.tmpDir().resolve("resolv.conf"), "nameserver 192.0.2.53\n");
        CommandResult r = box.qmiConn("up", "--backend", "qmi-network", "--apn", "fast.metropcs.com",
                "--ip-config", "static", "--timeout", "20s", "--dns-apply", "--resolv-conf", "/tmp/resolv.conf");

        assertEquals(0, r.exitCode(), show(r));
        assertEquals(DnsBlock.begin("cdc-wdm0") + "\nnameserver 10.177.0.34\n" + "nameserver 10.177.0.210\n"
                + DnsBlock.end("cdc-wdm0") + "\nnameserver 192.0.2.53\n", box.run("cat", "/tmp/resolv.conf"));
        String qmiNetworkState = box.run("cat", "/tmp/qmi-network-state-cdc-wdm0");
        assertTrue(qmiNetworkState.contains("CID=") && qmiNetworkState.contains("PDH="), qmiNetworkState);
        assertTrue(box.run("cat", "/run/qmi-conn/cdc-wdm0.qmi-network.conf").contains("APN='fast.metropcs.com'"));
        assertEquals(1, box.sandbox.emulator().liveSessions());
        assertTrue(box.run("ip", "-4", "addr", "show", "dev", "wwan0").contains("inet "
                + box.sandbox.emulator().session().orElseThrow().address() + "/"));

        CommandResult down = box.qmiConn("down");
        assertEquals(0, down.exitCode(), show(down));
        assertEquals(0, box.sandbox.emulator().liveSessions());
        assertEquals(0, box.sandbox.emulator().liveClientIds());
        assertFalse(Files.exists(box.sandbox.tmpDir().resolve("qmi-network-state-cdc-wdm0")));
        assertEquals("nameserver 192.0.2.53\n", box.run("cat", "/tmp/resolv.conf"));
    }

    @Test
    @Order(6)
    void should_release_the_session_when_up_is_killed_before_it_finishes() throws Exception {
        // A DHCP hook that never answers keeps `up` busy after the session started; then systemd-style SIGTERM.
        Files.writeString(box.sandbox.tmpDir().resolve("slow-hook"), "#!/bin/sh\nsleep 5\n");
        Files.writeString(box.sandbox.tmpDir().resolve("kill-up.sh"), String.join("\n",
                "qmi-conn up --apn fast.metropcs.com --ip-config dhcp --dhcp-hook /tmp/slow-hook & P=$!",
                "while [ ! -f /run/qmi-conn/cdc-wdm0.json ]; do sleep 0.1; done",
                "kill -TERM $P; wait $P; echo \"exit $?\"", ""));
        box.run("chmod", "+x", "/tmp/slow-hook");

        String out = box.run("sh", "/tmp/kill-up.sh");

        assertTrue(out.contains("exit 143"), out);
        assertEquals(0, box.sandbox.emulator().liveSessions());
        assertEquals(0, box.sandbox.emulator().liveClientIds());
        assertFalse(Files.exists(box.sandbox.runDir().resolve("qmi-conn/cdc-wdm0.json")));
    }

    @Test
    @Order(7)
    void should_stop_a_session_the_guides_qmi_network_left_before_starting_its_own() throws Exception {
        Files.writeString(box.sandbox.tmpDir().resolve("guide.conf"), "APN=fast.metropcs.com\n");
        box.run("qmi-network", "--profile=/tmp/guide.conf", "/dev/cdc-wdm0", "start");
        assertEquals(1, box.sandbox.emulator().liveSessions());

        CommandResult r = box.qmiConn("up", "--apn", "fast.metropcs.com", "--ip-config", "static");

        assertEquals(0, r.exitCode(), show(r));
        assertTrue(r.stdout().startsWith("a previous qmi-network session on /dev/cdc-wdm0 was left"), r.stdout());
        assertFalse(Files.exists(box.sandbox.tmpDir().resolve("qmi-network-state-cdc-wdm0")));
        assertEquals(1, box.sandbox.emulator().liveSessions());
        assertEquals(3, box.sandbox.emulator().liveClientIds(),
                "the guide's client id was released (the new session's WDS id and its kept NAS and UIM ids)");
        assertEquals(0, box.qmiConn("down").exitCode());
        assertEquals(0, box.sandbox.emulator().liveClientIds());
    }

    /** getent asks the Pi's resolver (nsswitch, resolv.conf) for the name only the modem-side DNS knows. */
    private static boolean resolves() {
        CommandResult r = box.sandbox.exec(List.of("getent", "hosts", Sandbox.CARRIER_ONLY_NAME),
                java.time.Duration.ofSeconds(20));
        return r.exitCode() == 0 && r.stdout().startsWith(Sandbox.CARRIER_ONLY_ADDRESS + " ");
    }
}
