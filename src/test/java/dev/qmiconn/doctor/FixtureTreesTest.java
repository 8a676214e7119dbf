package dev.qmiconn.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.qmiconn.process.Transcript;

/** Each tree in test-fixtures/sysfs gives exactly the findings its expected-findings.txt lists. */
class FixtureTreesTest {

    private static final List<String> DEV = List.of("qmicli", "-d", "/dev/cdc-wdm0");

    static List<Transcript> queries(String card, String serving, String signal) {
        return List.of(
                DoctorRun.qmicli(with("--uim-get-card-status"), card),
                DoctorRun.qmicli(with("--nas-get-serving-system"), serving),
                DoctorRun.qmicli(with("--nas-get-signal-strength"), signal));
    }

    /** With a ready SIM doctor also asks what up without --apn would use (the apn check). */
    static List<Transcript> simIdentity() {
        return List.of(DoctorRun.qmicli(with("--dms-uim-get-imsi"), "imsi-t-mobile.out"),
                DoctorRun.qmicli(with("--nas-get-home-network"), "home-network-t-mobile.out"));
    }

    static List<String> with(String action) {
        return Stream.concat(DEV.stream(), Stream.of(action)).toList();
    }

    static Stream<Arguments> trees() {
        return Stream.of(
                Arguments.of("e397u53-storage", List.of(DoctorRun.version("1.16.2")), 15),
                Arguments.of("e397u53-modem", Stream.of(List.of(DoctorRun.version("1.26.10")),
                        queries("card-status-ready.out", "serving-system-registered-lte.out",
                                "signal-lte-good.out"), simIdentity()).flatMap(List::stream).toList(), 0),
                Arguments.of("quectel-ec25-rawip", Stream.concat(Stream.of(DoctorRun.version("1.32.2")),
                        queries("card-status-pin-required.out", "serving-system-searching.out",
                                "signal-lte-weak.out").stream()).toList(), 15),
                Arguments.of("sierra-em7455-mbim", List.of(DoctorRun.version("1.32.2")), 15),
                Arguments.of("nothing-plugged", List.of(DoctorRun.version("1.26.10")), 15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void should_find_what_the_tree_models(String tree, List<Transcript> transcripts, int exitCode) {
        DoctorRun run = DoctorRun.run(transcripts, "--json", "--root", DoctorRun.TREES.resolve(tree).toString());

        assertEquals(expected(tree), run.results(), run.out);
        assertEquals(exitCode, run.exitCode, run.out + run.err);
        assertEquals(exitCode, run.json().get("exit_code").asInt());
        for (JsonNode f : run.json().get("findings")) {
            assertFalse(f.get("why").asText().isBlank(), f.toString());
            if (!f.get("result").asText().equals("ok")) {
                assertFalse(f.get("fix").asText().isBlank(), "a problem without a fix: " + f);
            }
        }
    }

    @Test
    void should_name_the_missing_usb_modeswitch_for_a_dongle_in_storage_mode() {
        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.16.2")), "--json", "--root",
                DoctorRun.TREES.resolve("e397u53-storage").toString());

        JsonNode usb = run.finding("usb-modem");
        assertTrue(usb.get("why").asText().contains("12d1:1505"), usb.toString());
        assertTrue(usb.get("why").asText().contains("usb-modeswitch is not installed"), usb.toString());
        assertEquals("sudo apt install usb-modeswitch usb-modeswitch-data   (then unplug and replug the modem)",
                usb.get("fix").asText());
        assertTrue(run.finding("interfaces-source").get("why").asText().contains("wwan0.cfg"));
    }

    @Test
    void should_report_sim_registration_and_signal_of_an_answering_modem() {
        DoctorRun run = DoctorRun.run(Stream.of(List.of(DoctorRun.version("1.26.10")),
                queries("card-status-ready.out", "serving-system-registered-lte.out", "signal-lte-good.out"),
                simIdentity()).flatMap(List::stream).toList(), "--json", "--root",
                DoctorRun.TREES.resolve("e397u53-modem").toString());

        assertEquals("SIM present, PIN disabled, application ready", run.finding("sim").get("why").asText());
        assertEquals("registered on 'T-Mobile' (310/260), lte, roaming off",
                run.finding("registration").get("why").asText());
        assertEquals("lte -67 dBm (RSRP -95 dBm)", run.finding("signal").get("why").asText());
        assertEquals("without --apn, up uses APN 'fast.t-mobile.com' from the provider database for the SIM's "
                + "operator 310/260 (T-Mobile, us): marked as the internet APN, of 2 entries from 1 provider "
                + "(3-digit MNC: the home network says 260)", run.finding("apn").get("why").asText());
    }

    @Test
    void should_tell_the_renamed_interface_the_pin_and_dhclient_on_raw_ip() {
        DoctorRun run = DoctorRun.run(Stream.concat(Stream.of(DoctorRun.version("1.32.2")),
                queries("card-status-pin-required.out", "serving-system-searching.out", "signal-lte-weak.out")
                        .stream()).toList(), "--json", "--root",
                DoctorRun.TREES.resolve("quectel-ec25-rawip").toString());

        assertTrue(run.finding("wwan-interface").get("why").asText().contains("wwp0s20u4i4, not wwan0"));
        assertTrue(run.finding("dhcp-client").get("why").asText().contains("65534"));
        assertEquals("the SIM wants its PIN, 2 PIN tries left", run.finding("sim").get("why").asText());
        assertEquals("qmi-conn up --pin YOUR-PIN   (or: qmicli -d /dev/cdc-wdm0 --uim-verify-pin=PIN1,YOUR-PIN)",
                run.finding("sim").get("fix").asText());
        assertTrue(run.finding("signal").get("why").asText().startsWith("weak signal: lte -104 dBm"));
    }

    @Test
    void should_say_an_mbim_port_is_no_qmi_port() {
        DoctorRun run = DoctorRun.run(List.of(DoctorRun.version("1.32.2")), "--json", "--root",
                DoctorRun.TREES.resolve("sierra-em7455-mbim").toString());

        JsonNode c = run.finding("control-device");
        assertTrue(c.get("why").asText().contains("cdc_mbim"), c.toString());
        assertTrue(c.get("fix").asText().contains("AT!USBCOMP=1,1,10D"), c.toString());
    }

    private static Map<String, String> expected(String tree) {
        Map<String, String> m = new LinkedHashMap<>();
        DoctorRun.read(DoctorRun.TREES.resolve(tree).resolve("expected-findings.txt")).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> m.put(l.split(" ")[0], l.split(" ")[1]));
        return m;
    }
}
