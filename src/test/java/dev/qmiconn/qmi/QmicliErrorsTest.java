package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.qmi.QmicliFailure.Kind;

class QmicliErrorsTest {

    private static final List<String> START = List.of("qmicli", "-d", "/dev/cdc-wdm0",
            "--wds-start-network=apn='internet'", "--client-no-release-cid");

    private static CommandResult failed(List<String> argv, String out, String err) {
        return new CommandResult(argv, 1, out, err, false, Duration.ofMillis(200));
    }

    @Test
    void should_not_treat_the_device_open_qmi_warnings_as_failure() {
        CommandResult ok = new CommandResult(START, 0, "[/dev/cdc-wdm0] Network started\n",
                "couldn't detect transport type of port: unexpected port subsystem\n"
                        + "requested QMI mode but unexpected transport type found\n", false, Duration.ZERO);
        assertTrue(QmicliErrors.classify(ok).isEmpty());
    }

    @Test
    void should_map_error_64_to_the_1_16_2_diagnosis_with_exit_libqmi_broken() {
        QmicliException e = QmicliErrors.toException(failed(START,
                "[/dev/cdc-wdm0] Client ID not released:\n\tService: 'wds'\n\t    CID: '1'\n",
                "error: couldn't start network: QMI protocol error (64): '(null)'\n"), LibqmiVersion.parseBare("1.16.2"));
        assertEquals(ExitCode.LIBQMI_BROKEN, e.exitCode());
        assertEquals(Kind.IP_FAMILY_BUG, e.kind());
        assertEquals(1, e.cid());
        assertEquals("(null)", e.failure().qmiErrorName());
        assertTrue(e.getMessage().contains("libqmi 1.16.2"), e.getMessage());
        assertTrue(e.getMessage().contains("ip-type=4"), e.getMessage());
        assertTrue(e.getMessage().contains("printed as '(null)'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e instanceof QmiConnException);
    }

    @Test
    void should_blame_the_installed_qmicli_not_the_modem_for_an_option_it_does_not_know() {
        // what every recorded qmicli (1.16.0 to 1.26.10) prints, e.g. an old one asked for --wds-set-ip-family
        QmicliException e = QmicliErrors.toException(failed(List.of("qmicli", "-d", "/dev/cdc-wdm0",
                "--wds-set-ip-family=6", "--client-cid=3", "--client-no-release-cid"), "",
                "error: Unknown option --wds-set-ip-family=6\n"), LibqmiVersion.parseBare("1.16.0"));
        assertEquals(ExitCode.TOOL_MISSING, e.exitCode());
        assertEquals(Kind.UNKNOWN_OPTION, e.kind());
        assertEquals("qmicli 1.16.0 does not know --wds-set-ip-family: this libqmi is too old for it; install a "
                + "newer libqmi-utils", e.getMessage());
    }

    @Test
    void should_keep_the_cid_and_call_end_reasons_of_a_failed_start() {
        QmicliException e = QmicliException.from(failed(START,
                "[/dev/cdc-wdm0] Client ID not released:\n\tService: 'wds'\n\t    CID: '12'\n",
                "error: couldn't start network: QMI protocol error (14): 'CallFailed'\n"
                        + "call end reason (3): generic-no-service\n"
                        + "verbose call end reason (3,2001): [cm] no-service\n"));
        assertEquals(ExitCode.CALL_FAILED, e.exitCode());
        assertEquals(12, e.cid());
        assertEquals(3, e.failure().callEndReasonCode());
        assertEquals("generic-no-service", e.failure().callEndReason());
        assertEquals("[cm] no-service", e.failure().verboseCallEndReason());
        assertEquals("data session refused: " + CallEndReasons.advice(null, "[cm] no-service").orElseThrow()
                + " (qmicli --wds-start-network: CallFailed, call end reason: generic-no-service, [cm] no-service)",
                e.getMessage());
    }

    @Test
    void should_say_a_missing_program_is_a_missing_tool() {
        QmicliException e = QmicliException.from(new CommandResult(List.of("qmicli", "--version"), 127, "",
                "Cannot run program \"qmicli\": error=2, No such file or directory", false, Duration.ZERO));
        assertEquals(ExitCode.TOOL_MISSING, e.exitCode());
        assertEquals("qmicli is not installed (install libqmi-utils)", e.getMessage());
    }

    @Test
    void should_say_a_killed_call_timed_out() {
        QmicliException e = QmicliException.from(new CommandResult(START, -1, "", "", true, Duration.ofSeconds(30)));
        assertEquals(Kind.TIMED_OUT, e.kind());
        assertEquals(ExitCode.MODEM_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains("30 s"), e.getMessage());
    }

    @Test
    void should_classify_device_and_port_problems() {
        List<String> ids = List.of("qmicli", "-d", "/dev/cdc-wdm0", "--dms-get-ids");
        assertEquals(ExitCode.DEVICE_MISSING, QmicliException.from(failed(ids, "",
                "error: couldn't create QmiDevice: Wrong file type\n")).exitCode());
        assertEquals(Kind.MODE_UNKNOWN, QmicliException.from(failed(ids, "",
                "error: couldn't open the QmiDevice: Cannot automatically select QMI/MBIM mode\n")).kind());
        QmicliException hangup = QmicliException.from(failed(ids, "",
                "error: couldn't create client for the 'dms' service: CID allocation failed in the CTL client: "
                        + "endpoint hangup\n"));
        assertEquals(Kind.ENDPOINT_HANGUP, hangup.kind());
        assertTrue(hangup.getMessage().contains("-p"), hangup.getMessage());
    }

    @Test
    void should_classify_pin_errors_as_sim_errors() {
        QmicliException e = QmicliException.from(failed(List.of("qmicli", "-d", "/dev/cdc-wdm0",
                "--uim-verify-pin=PIN1,0000"), "", "error: couldn't verify PIN: QMI protocol error (12): 'IncorrectPin'\n"));
        assertEquals(ExitCode.SIM_ERROR, e.exitCode());
        assertEquals("qmicli --uim-verify-pin failed: couldn't verify PIN: QMI protocol error (12): 'IncorrectPin'",
                e.getMessage());
    }

    @Test
    void should_pick_the_start_error_not_the_harmless_wda_error_in_a_qmi_network_transcript() {
        QmicliFailure f = QmicliErrors.classify(new CommandResult(List.of("qmi-network", "/dev/cdc-wdm0", "start"), 2,
                "error: couldn't create client for the 'wda' service: QMI protocol error (31): 'InvalidServiceType'\n"
                        + "error: couldn't start network: QMI protocol error (14): 'CallFailed'\n"
                        + "Saving state at /tmp/qmi-network-state-cdc-wdm0... (CID: 7)\n", "", false,
                Duration.ZERO)).orElseThrow();
        assertEquals(Kind.CALL_FAILED, f.kind());
        assertEquals(7, f.cid());
    }
}
