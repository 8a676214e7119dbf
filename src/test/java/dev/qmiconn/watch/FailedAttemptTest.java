package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/** The watch loop's answer to a failed up: count, escalate on schedule, back off; or stop, or wait out roaming. */
class FailedAttemptTest {

    @TempDir
    Path sysfs;

    private final List<List<String>> ran = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private final AtomicInteger counted = new AtomicInteger();

    private FailedAttempt attempt(int escalateAfter, Integer usbResetAfter) {
        CommandRunner runner = new CommandRunner() {
            @Override
            public CommandResult run(CommandSpec spec) {
                ran.add(spec.argv());
                return new CommandResult(spec.argv(), 1, "", "error: couldn't open the QmiDevice", false, null);
            }

            @Override
            public BackgroundProcess start(CommandSpec spec) {
                throw new UnsupportedOperationException();
            }
        };
        StopSignal stop = new StopSignal();
        stop.request(); // every sleep returns at once
        WatchOptions options = new WatchOptions(Duration.ofSeconds(30), Backoff.STANDARD, escalateAfter,
                usbResetAfter, null, CapAction.DISCONNECT, 1, java.time.ZoneOffset.UTC, sysfs);
        return new FailedAttempt(options, new Escalation(runner, "/dev/cdc-wdm0", false, sysfs), stop);
    }

    private int handle(FailedAttempt a, ExitCode code, int failures) {
        return a.handle(new QmiConnException(code, "why"), failures, null,
                (state, detail) -> changes.add(state + " " + detail), counted::incrementAndGet);
    }

    @Test
    void should_count_and_back_off_by_the_schedule_without_escalating_before_its_turn() {
        FailedAttempt a = attempt(3, null);
        assertEquals(1, handle(a, ExitCode.CALL_FAILED, 0));
        assertEquals(2, handle(a, ExitCode.CALL_FAILED, 1));
        assertEquals(2, counted.get());
        assertEquals(List.of("BACKOFF attempt 1 failed (why); retry in 5 s",
                "BACKOFF attempt 2 failed (why); retry in 10 s"), changes);
        assertTrue(ran.isEmpty(), "no radio cycle before the third failure: " + ran);
    }

    @Test
    void should_cycle_the_radio_every_escalate_after_failures_then_back_off() {
        FailedAttempt a = attempt(3, null);
        assertEquals(3, handle(a, ExitCode.NOT_CONNECTED, 2));
        assertEquals(2, changes.size(), changes.toString());
        assertTrue(changes.get(0).startsWith("ESCALATING radio cycle"), changes.toString());
        assertTrue(ran.stream().anyMatch(argv -> argv.stream().anyMatch(w -> w.startsWith("--dms-set-operating-mode"))),
                "the escalation asked the modem: " + ran);
        assertEquals("BACKOFF attempt 3 failed (why); retry in 20 s", changes.get(1));
    }

    @Test
    void should_re_enumerate_usb_only_when_asked_for() {
        FailedAttempt a = attempt(100, 2);
        handle(a, ExitCode.CALL_FAILED, 1);
        assertTrue(changes.get(0).startsWith("ESCALATING USB re-enumeration"), changes.toString());
    }

    @Test
    void should_stop_the_loop_on_a_permanent_failure_without_counting_it() {
        QmiConnException e = new QmiConnException(ExitCode.BAD_INPUT, "bad apn");
        assertSame(e, assertThrows(QmiConnException.class, () -> attempt(3, null).handle(e, 4, null,
                (state, detail) -> changes.add(state + " " + detail), counted::incrementAndGet)));
        assertEquals(0, counted.get());
        assertTrue(changes.isEmpty());
    }

    @Test
    void should_wait_out_roaming_turned_on_between_the_check_and_up_without_counting_it() {
        assertEquals(4, handle(attempt(3, null), ExitCode.ROAMING_DENIED, 4));
        assertEquals(0, counted.get());
        assertEquals(List.of("ROAMING why"), changes);
    }
}
