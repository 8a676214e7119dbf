package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.usage.LedgerKey;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.usage.SimLedger;
import dev.qmiconn.usage.UsageLedger;

import picocli.CommandLine;

/** {@code up} in a period whose cap the SIM's ledger says is used up: exit 13 naming the reset date, no session. */
class UpCapTest {

    private static final String DEVICE = "/dev/null";
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final LedgerKey SIM = LedgerKey.sim("8901260842100012345");

    @TempDir
    Path tmp;

    private record Run(int exit, String err, List<List<String>> calls) {
    }

    private Run up(List<Transcript> replay) {
        ReplayingRunner runner = new ReplayingRunner(replay);
        CommandLine cl = Main.commandLine(new AppContext(runner, Clock.fixed(NOW, ZoneOffset.UTC), Map.of()));
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        List<String> argv = new ArrayList<>(List.of("up", "--apn", "fast.metropcs.com", "--device", DEVICE,
                "--ledger-dir", tmp.resolve("lib").toString(), "--config-dir", tmp.resolve("etc").toString(),
                "--state-dir", tmp.resolve("run").toString(), "--resolv-head", tmp.resolve("head").toString(),
                "--profile", tmp.resolve("none").toString(), "--sysfs-root", tmp.toString(),
                "--qmi-network-state-dir", tmp.resolve("qmi-network").toString()));
        int exit;
        try {
            exit = cl.execute(argv.toArray(String[]::new));
        } catch (ReplayingRunner.ReplayMismatchException beyondTheRecording) {
            exit = -1; // went on past what was recorded: it did not refuse
        }
        return new Run(exit, err.toString(), runner.callsMade());
    }

    private static Transcript iccid() throws IOException {
        String out = Files.readString(Path.of("test-fixtures/qmicli/1.32.2/dms-uim-get-iccid/emulator-e397u-53.out"));
        return Transcript.of(List.of("qmicli", "-d", DEVICE, "--dms-uim-get-iccid"), 0,
                out.replace("/dev/cdc-wdm0", DEVICE), "");
    }

    private void ledger(LedgerKey key, long used, LocalDate start) {
        new LedgerStore(tmp.resolve("lib"), null).save(new SimLedger(key.value(), "null", 30_000L, 80, 15,
                new UsageLedger(start, start.plusMonths(1), 0, used, 0L, used, NOW)));
    }

    @Test
    void should_refuse_in_a_capped_period_naming_the_reset_date() throws IOException {
        ledger(SIM, 31_000, LocalDate.parse("2026-11-15"));
        Run r = up(List.of(iccid()));
        assertEquals(ExitCode.CAP_REACHED.code(), r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("qmi-conn: data cap 30.0 KB of this period is used up (31.0 KB used): not "
                + "connecting until the period resets on 2026-12-15"), r.err());
        assertEquals(List.of(List.of("qmicli", "-d", DEVICE, "--dms-uim-get-iccid")), r.calls(),
                "nothing but the ICCID asked");
    }

    @Test
    void should_go_on_in_a_new_period_or_for_another_sim() throws IOException {
        ledger(SIM, 31_000, LocalDate.parse("2026-10-15"));
        Run next = up(List.of(iccid()));
        assertNotEquals(ExitCode.CAP_REACHED.code(), next.exit(), next.err());
        assertTrue(next.calls().size() > 1, "went on to bring the link up: " + next.calls());

        ledger(LedgerKey.sim("8944110069316673105"), 31_000, LocalDate.parse("2026-11-15"));
        ledger(SIM, 10, LocalDate.parse("2026-11-15"));
        Run other = up(List.of(iccid()));
        assertNotEquals(ExitCode.CAP_REACHED.code(), other.exit(), other.err());
    }

    @Test
    void should_not_ask_the_modem_anything_when_no_ledger_has_a_cap() {
        Run r = up(List.of());
        assertNotEquals(ExitCode.CAP_REACHED.code(), r.exit(), r.err());
        assertTrue(!r.calls().isEmpty() && !r.calls().get(0).contains("--dms-uim-get-iccid"), r.calls().toString());
    }
}
