package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PreflightMemoTest {

    private static final Instant T = Instant.parse("2026-11-30T16:00:00Z");

    @Test
    void should_check_again_before_anything_passed() {
        assertFalse(new PreflightMemo().fresh(T));
    }

    @Test
    void should_trust_a_pass_only_for_its_window() {
        PreflightMemo memo = new PreflightMemo();
        memo.passed(T);
        assertTrue(memo.fresh(T.plusSeconds(1)));
        assertTrue(memo.fresh(T.plus(PreflightMemo.FRESH).minusMillis(1)));
        assertFalse(memo.fresh(T.plus(PreflightMemo.FRESH)));
        assertFalse(memo.fresh(T.minusSeconds(1)), "a clock stepped back trusts nothing");
    }

    @Test
    void should_check_again_after_a_failed_up() {
        PreflightMemo memo = new PreflightMemo();
        memo.passed(T);
        memo.forget();
        assertFalse(memo.fresh(T.plusSeconds(1)));
    }
}
