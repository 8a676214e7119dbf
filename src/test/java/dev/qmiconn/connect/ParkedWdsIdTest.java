package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.connect.SessionState.ClientId;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;

/**
 * The service's WDS id between its down and its next up (the recorded e397u-53 session, CID 1): it is never in
 * neither record, checked at the instant qmicli acts on it, so a kill -9 there leaves it to the next run.
 */
class ParkedWdsIdTest {

    @TempDir
    Path tmp;

    private final FlowFixtures.FakePacer pacer = new FlowFixtures.FakePacer();
    private final FlowFixtures.Out out = new FlowFixtures.Out();
    private static final ClientId WDS_1 = new ClientId("wds", 1);

    private UpRequest request(Paths paths) {
        return new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, null,
                IpConfig.DHCP, Backend.QMICLI, Duration.ofSeconds(20), DnsMode.DHCPCD, false, paths);
    }

    /** The running service's lock: with it free, up and down would release the service's record themselves. */
    private static DeviceLock serviceRunning(Paths paths) {
        return DeviceLock.acquireService(paths.stateDir(), "cdc-wdm0", "/dev/cdc-wdm0");
    }

    private static SessionRecord serviceRecord(Paths paths) {
        StateStore store = new StateStore(paths.serviceIdsFile("cdc-wdm0"));
        return SessionRecord.load(store).orElseGet(() -> new SessionRecord(store, SessionState.begin(
                new SessionState.Link("/dev/cdc-wdm0", null, "service", false, null, 0), null)));
    }

    private static List<ClientId> ids(Path file) {
        return new StateStore(file).read().map(SessionState::clientIds).orElse(List.of());
    }

    private Paths upFirst() throws Exception {
        Paths paths = FlowFixtures.paths(tmp);
        try (ReplayingRunner r = new ReplayingRunner(FlowFixtures.transcripts("up/e397u-53-dhcp"))) {
            new UpFlow(r, pacer, out.writer, p -> true).run(request(paths));
        }
        return paths;
    }

    /** The recorded down, its stop keeping the id as the service's down asks. */
    private static List<Transcript> downKeeping(int stopExit, String stopStderr) {
        List<Transcript> ts = new ArrayList<>(FlowFixtures.transcripts("down/after-up"));
        Transcript stop = ts.get(0);
        List<String> argv = new ArrayList<>(stop.argv());
        argv.add("--client-no-release-cid");
        ts.set(0, Transcript.of(argv, stopExit, stopExit == 0 ? stop.stdout() : "", stopStderr));
        return ts;
    }

    @Test
    void should_write_the_id_to_the_service_record_before_the_stop_keeps_it() throws Exception {
        Paths paths = upFirst();
        List<List<ClientId>> atStop = new ArrayList<>();
        try (DeviceLock svc = serviceRunning(paths); ReplayingRunner r = new ReplayingRunner(downKeeping(0, ""))) {
            CommandRunner watching = snooping(r, "--wds-stop-network=3634376449",
                    spec -> atStop.add(ids(paths.serviceIdsFile("cdc-wdm0"))));
            new DownFlow(watching, out.writer).parkingWdsIn(new ParkedWdsId(serviceRecord(paths)))
                    .run("/dev/cdc-wdm0", null, false, paths);
        }
        assertEquals(List.of(List.of(WDS_1)), atStop, "recorded by the service before the stop");
        assertEquals(List.of(WDS_1), ids(paths.serviceIdsFile("cdc-wdm0")));
        assertFalse(Files.exists(paths.stateFile("cdc-wdm0")), "the session's record is gone");
    }

    @Test
    void should_release_the_id_as_before_when_the_stop_that_keeps_it_fails() throws Exception {
        Paths paths = upFirst();
        List<Transcript> ts = downKeeping(1, "error: couldn't stop network: QMI protocol error (26): 'NoEffect'\n");
        ts.add(1, Transcript.of(List.of("qmicli", "-d", "/dev/cdc-wdm0", "--wds-noop", "--client-cid=1"), 0,
                "", "")); // as up/call-failed recorded the release
        try (DeviceLock svc = serviceRunning(paths); ReplayingRunner r = new ReplayingRunner(ts)) {
            new DownFlow(r, out.writer).parkingWdsIn(new ParkedWdsId(serviceRecord(paths)))
                    .run("/dev/cdc-wdm0", null, false, paths);
        }
        assertEquals(List.of(), ids(paths.serviceIdsFile("cdc-wdm0")), "not kept");
        assertFalse(Files.exists(paths.stateFile("cdc-wdm0")));
    }

    @Test
    void should_start_on_the_parked_id_written_to_the_session_record_first() throws Exception {
        Paths paths = FlowFixtures.paths(tmp);
        SessionRecord service = serviceRecord(paths);
        service.update(s -> s.allocated("nas", 2).allocated("wds", 1));
        List<Transcript> ts = new ArrayList<>(FlowFixtures.transcripts("up/e397u-53-dhcp"));
        int allocation = FlowFixtures.indexOf(ts, "--wds-noop");
        ts.remove(allocation);
        List<List<ClientId>> atStart = new ArrayList<>();
        try (DeviceLock svc = serviceRunning(paths); ReplayingRunner r = new ReplayingRunner(ts)) {
            CommandRunner watching = snooping(r, "--wds-start-network=apn='fast.metropcs.com'",
                    spec -> atStart.add(ids(paths.stateFile("cdc-wdm0"))));
            SessionState up = new UpFlow(watching, pacer, out.writer, p -> true)
                    .startingOnParked(new ParkedWdsId(service)).run(request(paths));
            assertEquals(1, up.sessions().get(0).cid());
        }
        assertEquals(List.of(List.of(WDS_1)), atStart, "in the session's record when the start runs");
        assertEquals(List.of(new ClientId("nas", 2)), ids(paths.serviceIdsFile("cdc-wdm0")), "moved out");
        assertTrue(ids(paths.stateFile("cdc-wdm0")).contains(WDS_1));
    }

    @Test
    void should_take_a_fresh_id_when_the_modem_forgot_the_parked_one() throws Exception {
        Paths paths = FlowFixtures.paths(tmp);
        SessionRecord service = serviceRecord(paths);
        service.update(s -> s.allocated("wds", 7));
        List<Transcript> ts = new ArrayList<>(FlowFixtures.transcripts("up/e397u-53-dhcp"));
        int allocation = FlowFixtures.indexOf(ts, "--wds-noop");
        List<String> start = new ArrayList<>(ts.get(allocation + 1).argv());
        start.replaceAll(a -> a.equals("--client-cid=1") ? "--client-cid=7" : a);
        ts.add(allocation, Transcript.of(start, 1, "",
                "error: couldn't start network: QMI protocol error (34): 'InvalidClientId'\n"));
        try (DeviceLock svc = serviceRunning(paths); ReplayingRunner r = new ReplayingRunner(ts)) {
            SessionState up = new UpFlow(r, pacer, out.writer, p -> true)
                    .startingOnParked(new ParkedWdsId(service)).run(request(paths));
            assertEquals(1, up.sessions().get(0).cid(), "the fresh id");
        }
        assertEquals(List.of(WDS_1), ids(paths.stateFile("cdc-wdm0")).stream()
                .filter(c -> c.service().equals("wds")).toList(), "the forgotten id is no longer recorded");
        assertEquals(List.of(), ids(paths.serviceIdsFile("cdc-wdm0")));
    }

    /** Calls {@code at} just before the call whose argv holds {@code arg} runs. */
    private static CommandRunner snooping(CommandRunner delegate, String arg, Consumer<CommandSpec> at) {
        return new CommandRunner() {
            @Override
            public CommandResult run(CommandSpec spec) {
                if (spec.argv().contains(arg)) {
                    at.accept(spec);
                }
                return delegate.run(spec);
            }

            @Override
            public BackgroundProcess start(CommandSpec spec) {
                return delegate.start(spec);
            }
        };
    }
}
