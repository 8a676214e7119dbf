package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.testing.JsonDocs;
import dev.qmiconn.usage.UsageLedger;
import dev.qmiconn.usage.UsageStore;
import picocli.CommandLine;

/**
 * Every {@code --json} output run through the real command line, against its page in docs/ (status has its own
 * test, StatusJsonDocTest, as it needs a replayed session): same field names, snake_case, schema_version first.
 */
class JsonDocsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    @TempDir
    Path tmp;

    private String run(int expectedExit, String... args) {
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()),
                Clock.fixed(NOW, ZoneOffset.UTC), Map.of()));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(expectedExit, cl.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void usage_json_is_documented_in_usage_json_md() {
        new UsageStore(tmp).save(new UsageLedger(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"),
                2520, 22500, 2520L, 22500L, NOW));

        String json = run(0, "usage", "--state-dir", tmp.toString(), "--ledger-dir", tmp.resolve("lib").toString(),
                "--cap", "200MB", "--json");

        JsonDocs.assertDocumented(Path.of("docs/USAGE-JSON.md"), json);
    }

    @Test
    void doctor_json_is_documented_in_doctor_json_md() {
        // the nothing-plugged tree: no programs on PATH here, so doctor runs nothing and still has findings
        String json = run(15, "doctor", "--json", "--no-query", "--root", "test-fixtures/sysfs/nothing-plugged");

        JsonDocs.assertDocumented(Path.of("docs/DOCTOR-JSON.md"), json);
    }

    @Test
    void at_decode_dhcp_json_is_documented_in_at_dhcp_json_md() {
        String json = run(0, "at", "decode-dhcp", "--json",
                "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000");

        JsonDocs.assertDocumented(Path.of("docs/AT-DHCP-JSON.md"), json);
    }
}
