package dev.qmiconn.connect;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.testing.JsonDocs;

/**
 * docs/STATUS-JSON.md names exactly the fields {@code status --json} prints: a connected session replayed
 * (test-fixtures/transcripts), so every section is filled, rendered as StatusCommand renders it.
 */
class StatusJsonDocTest {

    @TempDir
    Path tmp;

    @Test
    void should_document_every_status_field_and_nothing_else() throws Exception {
        FlowFixtures.FakePacer pacer = new FlowFixtures.FakePacer();
        Paths paths = FlowFixtures.paths(tmp);
        UpRequest req = new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, null,
                IpConfig.DHCP, Backend.QMICLI, Duration.ofSeconds(20), false, false, paths);
        try (ReplayingRunner r = new ReplayingRunner(FlowFixtures.transcripts("up/e397u-53-dhcp"))) {
            new UpFlow(r, pacer, new FlowFixtures.Out().writer, p -> true).run(req);
        }
        StatusReport report;
        try (ReplayingRunner r = new ReplayingRunner(FlowFixtures.transcripts("status/connected"))) {
            report = new StatusFlow(r, pacer, p -> true).run("/dev/cdc-wdm0", false, paths);
        }
        // the ids as a status that asks for them shows them (the replayed transcript has no --dms-get-ids)
        report = new StatusReport(report.device(), report.iface(), report.state(), report.lte(), report.led(),
                report.connection(), report.libqmi(), new StatusReport.Ids("866948010012345", "8901260842100012345"),
                report.sim(), report.registration(), report.signal(), report.ip(), report.packets(), report.session(),
                report.errors());
        // the ledger's section and the roaming guard as StatusCommand adds them
        report = report.withUsage(new StatusReport.Usage("sim-8901260842100012345", "2026-12-01", 46080L,
                2000000000L, 1999953920L)).withRoamingGuard(RoamingPolicy.Mode.DENY);
        String json = StatusJson.write(report);

        JsonDocs.assertDocumented(Path.of("docs/STATUS-JSON.md"), json);
    }
}
