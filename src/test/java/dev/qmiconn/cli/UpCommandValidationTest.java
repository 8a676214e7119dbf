package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.ReplayingRunner;

import picocli.CommandLine;

/** Bad input to {@code up}: one line on stderr, exit BAD_INPUT (3), and not a single program started. */
class UpCommandValidationTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err, ReplayingRunner runner) {
    }

    private Run up(String... args) {
        ReplayingRunner runner = new ReplayingRunner(List.of());
        CommandLine cl = Main.commandLine(new AppContext(runner, Clock.systemUTC(), Map.of()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> argv = new ArrayList<>(List.of("up", "--state-dir", tmp.resolve("run").toString(),
                "--resolv-head", tmp.resolve("head").toString(), "--profile", tmp.resolve("none.conf").toString(),
                "--sysfs-root", tmp.toString(), "--qmi-network-state-dir", tmp.resolve("qmi-network").toString()));
        argv.addAll(List.of(args));
        int exit = cl.execute(argv.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString(), runner);
    }

    private static void assertOneLineRefusal(Run r, ExitCode code, String mentions) {
        assertEquals(code.code(), r.exit(), r.err());
        assertTrue(r.err().startsWith("qmi-conn: "), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals(List.of(), r.runner().callsMade(), "nothing may run on bad input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast'metropcs.com", "fast\"metropcs", "fast.metropcs.com\nreboot", "a;reboot",
            "$(reboot)", "fast metropcs"})
    void should_refuse_a_bad_apn_with_one_line(String apn) {
        assertOneLineRefusal(up("--apn", apn), ExitCode.BAD_INPUT, "invalid APN");
    }

    @Test
    void should_refuse_an_empty_apn() {
        assertOneLineRefusal(up("--apn", ""), ExitCode.BAD_INPUT, "APN is empty");
    }

    @Test
    void should_not_refuse_a_missing_apn_up_front_since_the_sims_operator_may_give_one() {
        Run r = up("--device", "/dev/cdc-wdm-absent-in-tests", "--timeout", "1s");
        assertEquals(ExitCode.DEVICE_MISSING.code(), r.exit(), r.err());
    }

    @Test
    void should_refuse_a_missing_apn_on_the_at_path_naming_the_missing_profile() {
        assertOneLineRefusal(up("--method", "at"), ExitCode.BAD_INPUT, "no APN: give --apn APN, or APN=... in ");
    }

    @Test
    void should_refuse_a_roaming_word_other_than_allow_or_deny() {
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--roaming", "sometimes"), ExitCode.BAD_INPUT,
                "--roaming must be allow or deny, not 'sometimes'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdc-wdm0", "/dev/../etc/passwd", "/dev/cdc wdm0", "/tmp/x;reboot"})
    void should_refuse_a_bad_device(String device) {
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--device", device), ExitCode.BAD_INPUT,
                "invalid device");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wwan0;reboot", "a-name-longer-than-15", "../eth0", "wwan 0", ""})
    void should_refuse_a_bad_interface(String iface) {
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--iface", iface), ExitCode.BAD_INPUT,
                "invalid interface name");
    }

    @Test
    void should_refuse_bad_words_for_ip_type_and_timeout() {
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--ip-type", "5"), ExitCode.BAD_INPUT, "4, 6 or 4v6");
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--ip-config", "ppp"), ExitCode.BAD_INPUT,
                "--ip-config must be dhcp, static or auto");
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--backend", "wvdial"), ExitCode.BAD_INPUT,
                "backend must be qmicli or qmi-network");
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--auth", "ntlm"), ExitCode.BAD_INPUT,
                "auth must be none, pap, chap or both");
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--timeout", "forever"), ExitCode.BAD_INPUT,
                "invalid duration");
        assertOneLineRefusal(up("--apn", "fast.metropcs.com", "--password", "it's"), ExitCode.BAD_INPUT,
                "invalid password");
    }

    @Test
    void should_validate_the_profiles_apn_and_let_the_command_line_win() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("none.conf"), "APN='a;reboot'\nAPN_USER=metro\n");
        assertOneLineRefusal(up(), ExitCode.BAD_INPUT, "invalid APN 'a;reboot'");
        java.nio.file.Files.writeString(tmp.resolve("none.conf"), "APN=fast.metropcs.com\n");
        assertOneLineRefusal(up("--apn", "b;reboot"), ExitCode.BAD_INPUT, "invalid APN 'b;reboot'");
    }

    @Test
    void should_say_the_device_is_missing_after_a_bounded_wait() {
        Run r = up("--apn", "fast.metropcs.com", "--device", "/dev/cdc-wdm-qc-missing", "--timeout", "300ms");
        assertOneLineRefusal(r, ExitCode.DEVICE_MISSING, "/dev/cdc-wdm-qc-missing did not appear within 0.3 s");
    }
}
