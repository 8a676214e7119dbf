package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;

/** What up and down through the service wait for, and what up answers with after a failed attempt. */
class LinkControlTest {

    @Test
    void should_answer_up_with_the_code_of_the_failed_attempt_once_the_loop_backs_off() throws Exception {
        LinkControl link = new LinkControl(new StopSignal());
        link.set(WatchState.HELD_DOWN, "by request");
        assertNull(link.lastFailure());
        CompletableFuture<Boolean> up = CompletableFuture.supplyAsync(() -> link.up(Duration.ofSeconds(10)));
        link.set(WatchState.CONNECTING, "fast.metropcs.com on /dev/cdc-wdm0");
        link.failed(ExitCode.CALL_FAILED);
        link.set(WatchState.BACKOFF, "attempt 1 failed");
        assertTrue(up.get());
        assertEquals(ExitCode.CALL_FAILED, link.lastFailure());
        assertTrue(link.wantsUp());
    }

    @Test
    void should_return_from_up_when_roaming_holds_the_link_instead_of_waiting_out_the_bound() {
        LinkControl link = new LinkControl(new StopSignal());
        link.set(WatchState.ROAMING, "registered roaming");
        long start = System.nanoTime();
        assertTrue(link.up(Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void should_hold_down_until_up_and_give_up_waiting_at_the_bound() {
        LinkControl link = new LinkControl(new StopSignal());
        link.set(WatchState.CONNECTED, "wwan0");
        assertFalse(link.down(Duration.ofMillis(200)), "the loop never took it down");
        assertFalse(link.wantsUp());
        link.set(WatchState.HELD_DOWN, "by request");
        assertTrue(link.down(Duration.ofMillis(200)));
    }
}
