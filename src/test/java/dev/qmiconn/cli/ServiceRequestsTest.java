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
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.StatusFlow;
import dev.qmiconn.connect.StatusReport;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.service.ControlSocket;
import dev.qmiconn.service.ServiceControl;

/**
 * The service keeps each served command's picocli model between requests: one request's options must not leak
 * into the next (picocli resets them), and each answer goes to its own client's writers.
 */
class ServiceRequestsTest {

    @TempDir
    Path tmp;

    private static final CommandRunner NO_PROGRAMS = new CommandRunner() {
        @Override
        public CommandResult run(CommandSpec spec) {
            throw new AssertionError("status through the service runs no program: " + spec.argv());
        }

        @Override
        public BackgroundProcess start(CommandSpec spec) {
            throw new AssertionError("nothing starts: " + spec.argv());
        }
    };

    private final class FakeService implements ServiceControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public String device() {
            return "/dev/cdc-wdm0";
        }

        @Override
        public StatusReport status() {
            calls.add("status");
            return new StatusFlow(NO_PROGRAMS, Pacer.real(Clock.systemUTC()), p -> true).assemble("/dev/cdc-wdm0",
                    new Paths(tmp.resolve("run"), tmp.resolve("resolv.conf.head"), tmp.resolve("resolv.conf"),
                            tmp.resolve("sys"), tmp.resolve("tmp"), tmp.resolve("hook"), tmp), Optional.empty(), new StatusFlow.Parts(null, null, null, null, null, null, null,
                            List.of("the service has not asked the modem yet")), null);
        }

        @Override
        public int up(PrintWriter out) {
            calls.add("up");
            return 0;
        }

        @Override
        public int down(PrintWriter out) {
            calls.add("down");
            return 0;
        }
    }

    private record Answer(int code, String out, String err) {
    }

    private static Answer ask(ControlSocket.RequestHandler h, String... words) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = h.handle(List.of(words), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Answer(code, out.toString(), err.toString());
    }

    @Test
    void should_not_carry_one_requests_options_into_the_next() {
        FakeService service = new FakeService();
        ControlSocket.RequestHandler h = ServiceRequests.handler(
                new AppContext(NO_PROGRAMS, Clock.systemUTC(), Map.of()), service);
        String ledgers = "--ledger-dir=" + tmp.resolve("ledgers");

        Answer json = ask(h, "status", "--json", ledgers);
        Answer text = ask(h, "status", ledgers);
        Answer jsonAgain = ask(h, "status", "--json", ledgers);

        assertEquals(ExitCode.NOT_CONNECTED.code(), json.code(), json.err());
        assertTrue(json.out().startsWith("{"), json.out());
        assertTrue(!text.out().startsWith("{") && text.out().startsWith("/dev/cdc-wdm0"), text.out());
        assertEquals(ExitCode.NOT_CONNECTED.code(), text.code(), text.err());
        assertEquals(json.out(), jsonAgain.out());
        assertEquals(List.of("status", "status", "status"), service.calls);
    }

    @Test
    void should_refuse_an_option_that_would_change_the_connection_on_every_request() {
        FakeService service = new FakeService();
        ControlSocket.RequestHandler h = ServiceRequests.handler(
                new AppContext(NO_PROGRAMS, Clock.systemUTC(), Map.of()), service);

        Answer refused = ask(h, "up", "--apn", "other.apn");
        Answer plain = ask(h, "up");
        Answer refusedAgain = ask(h, "up", "--apn", "other.apn");

        assertEquals(ExitCode.BUSY.code(), refused.code(), refused.err());
        assertTrue(refused.err().contains("--apn"), refused.err());
        assertEquals(0, plain.code(), plain.err());
        assertEquals(ExitCode.BUSY.code(), refusedAgain.code(), refusedAgain.err());
        assertEquals(List.of("up"), service.calls);
    }
}
