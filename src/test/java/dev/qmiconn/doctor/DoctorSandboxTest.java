package dev.qmiconn.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.emulator.Radio;
import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxOptions;
import dev.qmiconn.testing.RealTools;

/**
 * {@code qmi-conn doctor --json} as a user runs it on the Pi: the packaged jar inside the sandbox, the real
 * qmicli against the emulated modem, with no flags. It must report the scenario's SIM, registration and signal.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "ip", "nsenter", "unshare"})
class DoctorSandboxTest {

    private static final Path HOME = Path.of(System.getenv().getOrDefault("QMI_CONN_HOME", ".")).toAbsolutePath();

    @Test
    void should_report_the_e397u53_scenarios_sim_registration_and_signal() throws Exception {
        Scenario scenario = Scenario.load("e397u-53");
        Radio radio = scenario.radio();

        JsonNode report = doctorInside("e397u-53");

        assertEquals("ok", result(report, "control-device"), report.toString());
        assertEquals("ok", result(report, "sim"), report.toString());
        assertEquals("SIM present, PIN disabled, application ready", why(report, "sim"));
        assertEquals("ok", result(report, "registration"), report.toString());
        assertEquals("registered on '" + radio.operatorName() + "' (" + radio.mcc() + "/" + radio.mnc() + "), "
                + radio.technology() + ", roaming " + (radio.roaming() ? "on" : "off"), why(report, "registration"));
        assertEquals("ok", result(report, "signal"), report.toString());
        assertEquals(radio.technology() + " " + radio.rssi() + " dBm (RSRP " + radio.rsrp() + " dBm)",
                why(report, "signal"));
        assertEquals("warn", result(report, "apn"), report.toString());
        assertEquals("the SIM's operator 311/660 (MetroPCS) is not in the provider database: up needs --apn (or "
                + "APN= in the profile)", why(report, "apn"));
    }

    @Test
    void should_show_the_apn_up_would_take_from_debians_provider_database() throws Exception {
        JsonNode report = doctorInside("o2-uk");

        assertEquals("ok", result(report, "apn"), report.toString());
        assertTrue(why(report, "apn").startsWith("without --apn, up uses APN 'mobile.o2.co.uk' from the provider "
                + "database for the SIM's operator 234/10 (O2, gb): marked as the internet APN"), report.toString());
    }

    @Test
    void should_report_a_sim_that_wants_its_pin() throws Exception {
        Scenario scenario = Scenario.load("pin");

        JsonNode report = doctorInside("pin");

        assertEquals("fail", result(report, "sim"), report.toString());
        assertEquals("the SIM wants its PIN, " + scenario.sim().pinRetries() + " PIN tries left", why(report, "sim"));
        assertNotEquals("ok", result(report, "registration"), "a locked SIM does not register: " + report);
        assertEquals(15, report.get("exit_code").asInt());
    }

    private static JsonNode doctorInside(String scenario) throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(scenario, null, HOME), new ExecRunner(),
                new EmulatorModems())) {
            CommandResult r = sandbox.exec(List.of("qmi-conn", "doctor", "--json"), Duration.ofSeconds(60));
            JsonNode json = new ObjectMapper().readTree(r.stdout());
            assertEquals(json.get("exit_code").asInt(), r.exitCode(), r.stdout() + r.stderr());
            assertTrue(List.of(0, 14, 15).contains(r.exitCode()), r.stdout() + r.stderr());
            return json;
        }
    }

    private static String result(JsonNode report, String id) {
        return finding(report, id).get("result").asText();
    }

    private static String why(JsonNode report, String id) {
        return finding(report, id).get("why").asText();
    }

    private static JsonNode finding(JsonNode report, String id) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding '" + id + "' in " + report);
    }
}
