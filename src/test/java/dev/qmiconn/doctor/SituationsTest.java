package dev.qmiconn.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.qmiconn.process.Transcript;

/** One change to a real-looking tree, one finding: what the issue asks doctor to notice. */
class SituationsTest {

    @TempDir
    Path dir;

    @Test
    void should_fail_qmicli_and_skip_every_qmicli_call_when_it_is_missing() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-modem", dir);
        Files.delete(root.resolve("usr/bin/qmicli"));

        DoctorRun run = DoctorRun.run(List.of(), "--json", "--root", root.toString());

        JsonNode q = run.finding("qmicli");
        assertEquals("fail", q.get("result").asText());
        assertEquals("qmicli is not installed (libqmi's command line tool; not found on PATH)",
                q.get("why").asText());
        assertEquals("sudo apt install libqmi-utils", q.get("fix").asText());
        assertFalse(run.results().containsKey("libqmi-version"));
        assertFalse(run.results().containsKey("sim"));
        assertTrue(run.runner.callsMade().isEmpty(), run.runner.callsMade().toString());
        assertEquals(15, run.exitCode);
    }

    @Test
    void should_name_the_metro_pcs_bug_for_qmicli_1_16_2() {
        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.16.2")), "--json", "--no-query", "--root",
                DoctorRun.TREES.resolve("e397u53-modem").toString());

        JsonNode v = run.finding("libqmi-version");
        assertEquals("warn", v.get("result").asText());
        assertTrue(v.get("why").asText().contains("libqmi 1.16.2 has the IP-family bug (Debian #845979)"),
                v.toString());
        assertTrue(v.get("why").asText().contains("QMI protocol error 64"), v.toString());
        assertEquals(14, run.exitCode, "one warning, no failure");
    }

    @Test
    void should_warn_when_modemmanager_holds_the_port_and_query_through_the_proxy() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-modem", dir);
        Files.createDirectories(root.resolve("proc/612/fd"));
        Files.writeString(root.resolve("proc/612/comm"), "ModemManager\n");
        Files.createSymbolicLink(root.resolve("proc/612/fd/9"), Path.of("/dev/cdc-wdm0"));
        List<Transcript> calls = List.of(DoctorRun.version("1.32.2"),
                DoctorRun.qmicli(proxied("--uim-get-card-status"), "card-status-ready.out"),
                DoctorRun.qmicli(proxied("--nas-get-serving-system"), "serving-system-registered-lte.out"),
                DoctorRun.qmicli(proxied("--nas-get-signal-strength"), "signal-lte-good.out"),
                DoctorRun.qmicli(proxied("--dms-uim-get-imsi"), "imsi-t-mobile.out"),
                DoctorRun.qmicli(proxied("--nas-get-home-network"), "home-network-t-mobile.out"));

        DoctorRun run = DoctorRun.run(calls, "--json", "--root", root.toString());

        JsonNode mm = run.finding("modemmanager");
        assertEquals("warn", mm.get("result").asText());
        assertTrue(mm.get("why").asText().startsWith("ModemManager (pid 612) is running and holds /dev/cdc-wdm0"),
                mm.toString());
        assertTrue(mm.get("fix").asText().startsWith("sudo systemctl disable --now ModemManager"));
        assertTrue(mm.get("fix").asText().contains("qmicli -p"));
        assertEquals(14, run.exitCode);
    }

    @Test
    void should_warn_when_a_stanza_still_names_wwan0_but_the_interface_was_renamed() throws IOException {
        Path root = DoctorRun.copyTree("quectel-ec25-rawip", dir);
        Files.createDirectories(root.resolve("etc/network/interfaces.d"));
        Files.writeString(root.resolve("etc/network/interfaces.d/wwan0"), "allow-hotplug wwan0\n"
                + "iface wwan0 inet dhcp\n");

        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.32.2")), "--json", "--no-query", "--root",
                root.toString());

        JsonNode w = run.finding("wwan-interface");
        assertEquals("warn", w.get("result").asText());
        assertEquals("sudo sed -i 's/\\bwwan0\\b/wwp0s20u4i4/g' /etc/network/interfaces.d/wwan0",
                w.get("fix").asText());
    }

    @Test
    void should_warn_when_modemmanager_is_enabled_but_not_running() throws IOException {
        Path root = DoctorRun.copyTree("nothing-plugged", dir);
        Path wants = root.resolve("etc/systemd/system/multi-user.target.wants");
        Files.createDirectories(wants);
        Files.writeString(wants.resolve("ModemManager.service"), "");

        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.26.10")), "--json", "--root", root.toString());

        assertEquals("warn", run.finding("modemmanager").get("result").asText());
    }

    @Test
    void should_ask_for_an_upgrade_when_usb_modeswitch_is_older_than_2_5_0() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-storage", dir);
        appendPackage(root, "usb-modeswitch", "2.2.0+repack0-2");

        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.16.2")), "--json", "--root", root.toString());

        JsonNode usb = run.finding("usb-modem");
        assertTrue(usb.get("why").asText().contains("usb-modeswitch 2.2.0 is older than 2.5.0"), usb.toString());
        assertTrue(usb.get("fix").asText().startsWith("sudo apt install --only-upgrade usb-modeswitch"));
    }

    @Test
    void should_switch_by_hand_when_a_recent_usb_modeswitch_did_not() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-storage", dir);
        appendPackage(root, "usb-modeswitch", "2.6.1-3+b1");

        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.16.2")), "--json", "--root", root.toString());

        assertEquals("sudo usb_modeswitch -v 12d1 -p 1505 -J", run.finding("usb-modem").get("fix").asText());
    }

    @Test
    void should_ask_usb_modeswitch_itself_when_dpkg_does_not_know_it() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-storage", dir);
        Files.createDirectories(root.resolve("usr/sbin"));
        Path prog = Files.writeString(root.resolve("usr/sbin/usb_modeswitch"), "#!/bin/sh\n");
        prog.toFile().setExecutable(true);
        List<Transcript> calls = List.of(
                Transcript.of(List.of("usb_modeswitch", "--version"), 0,
                        "\n * usb_modeswitch: handle USB devices with multiple modes\n"
                                + " * Version 2.4.0 (C) Josua Dietze 2016\n", ""),
                DoctorRun.version("1.16.2"));

        DoctorRun run = DoctorRun.run(calls, "--json", "--root", root.toString());

        assertTrue(run.finding("usb-modem").get("why").asText().contains("usb-modeswitch 2.4.0 is older"));
    }

    @Test
    void should_find_the_port_that_answers_at_only_when_asked() {
        List<Transcript> calls = Stream.of(
                        at("/dev/ttyUSB0", "AT\r\r\nOK\r\n"), at("/dev/ttyUSB1", ""), at("/dev/ttyUSB2", ""),
                        DoctorRun.version("1.26.10")).toList();

        DoctorRun run = DoctorRun.run(calls, "--json", "--probe-at", "--no-query", "--root",
                DoctorRun.TREES.resolve("e397u53-modem").toString());

        assertEquals("ttyUSB0 (option), ttyUSB1 (option), ttyUSB2 (option); ttyUSB0 answers AT",
                run.finding("tty-ports").get("why").asText());
    }

    @Test
    void should_not_hand_socat_a_port_name_that_is_an_address() throws Exception {
        Path root = DoctorRun.copyTree("e397u53-modem", dir);
        Path tty = root.resolve("sys/class/tty");
        String evil = "ttyUSB9,raw!!exec:touch x";
        Files.createSymbolicLink(tty.resolve(evil), Files.readSymbolicLink(tty.resolve("ttyUSB2")));
        List<Transcript> calls = Stream.of(
                at("/dev/ttyUSB0", "AT\r\r\nOK\r\n"), at("/dev/ttyUSB1", ""), at("/dev/ttyUSB2", ""),
                DoctorRun.version("1.26.10")).toList();

        DoctorRun run = DoctorRun.run(calls, "--json", "--probe-at", "--no-query", "--root", root.toString());

        String why = run.finding("tty-ports").get("why").asText();
        assertTrue(why.contains("ttyUSB0 answers AT"), why);
        assertTrue(why.endsWith("not probed (name unsafe in a socat address): " + evil), why);
    }

    @Test
    void should_fail_once_and_stop_asking_when_the_modem_is_silent() {
        List<Transcript> calls = List.of(DoctorRun.version("1.26.10"),
                Transcript.of(FixtureTreesTest.with("--uim-get-card-status"), 1, "",
                        DoctorRun.read(DoctorRun.QMICLI.resolve("card-status-timeout.err"))));

        DoctorRun run = DoctorRun.run(calls, "--json", "--root", DoctorRun.TREES.resolve("e397u53-modem").toString());

        JsonNode m = run.finding("modem-answers");
        assertEquals("fail", m.get("result").asText());
        assertEquals("/dev/cdc-wdm0 did not answer qmicli (couldn't open the QmiDevice: Transaction timed out)",
                m.get("why").asText());
        assertFalse(run.results().containsKey("registration"));
    }

    @Test
    void should_refuse_a_root_that_is_no_directory() {
        DoctorRun run = DoctorRun.run(List.of(), "--root", dir.resolve("missing").toString());

        assertEquals(3, run.exitCode);
        assertEquals("qmi-conn: --root " + dir.resolve("missing") + " is not a directory\n", run.err);
    }

    private static Transcript at(String port, String reply) {
        return Transcript.of(List.of("socat", "-t", "2", "-T", "2", "-", port + ",raw,echo=0"), 0, reply, "");
    }

    private static List<String> proxied(String action) {
        return List.of("qmicli", "-d", "/dev/cdc-wdm0", "-p", action);
    }

    private static void appendPackage(Path root, String pkg, String version) throws IOException {
        Path status = root.resolve("var/lib/dpkg/status");
        Files.writeString(status, Files.readString(status) + "\nPackage: " + pkg
                + "\nStatus: install ok installed\nVersion: " + version + "\n");
    }
}
