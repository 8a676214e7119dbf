package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.connect.Paths;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import picocli.CommandLine;

/** The early status: only for plain arguments, only taken when the command resolved the same options. */
class StatusPrefetchTest {

    private static AppContext context() {
        return new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(), Map.of());
    }

    @Test
    void should_start_only_for_a_plain_status() {
        for (String[] other : List.of(new String[] {"status", "-v"}, new String[] {"-v", "status"},
                new String[] {"status", "--device", "/dev/cdc-wdm1"}, new String[] {"up"}, new String[] {})) {
            assertNull(StatusPrefetch.startIfPlain(other, context()), String.join(" ", other));
        }
        assertNotNull(StatusPrefetch.startIfPlain(new String[] {"status", "--json"}, context()));
    }

    @Test
    void should_assume_exactly_what_picocli_resolves_for_no_options() {
        AppContext context = context();
        StatusPrefetch early = StatusPrefetch.startIfPlain(new String[] {"status"}, context);
        StatusCommand status = new StatusCommand(context);
        new CommandLine(status).parseArgs();
        Paths resolved = status.paths.toPaths(context.environment());
        assertTrue(early.answers(status.modem.device(), status.modem.proxy, resolved));
        assertFalse(early.answers(status.modem.device(), true, resolved));
        assertFalse(early.answers("/dev/cdc-wdm1", false, resolved));
    }

    @Test
    void should_hand_the_flows_own_failure_to_the_command() {
        if (Files.exists(Path.of("/dev/cdc-wdm0"))) {
            return; // a real modem here: the flow would ask it (a replaying runner refuses)
        }
        StatusPrefetch early = StatusPrefetch.startIfPlain(new String[] {"status"}, context());
        QmiConnException e = assertThrows(QmiConnException.class, early::report);
        assertEquals(ExitCode.DEVICE_MISSING, e.exitCode());
    }
}
