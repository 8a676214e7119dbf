package dev.qmiconn.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.QmiConnException;

class UsageAccountantTest {

    private final UsageAccountant accountant = new UsageAccountant(5, ZoneOffset.UTC);

    private static Instant at(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    @Test
    void should_add_only_what_the_counters_grew_by() {
        UsageLedger l = accountant.observe(null, 1000, 5000, at("2026-11-10"));
        l = accountant.observe(l, 1500, 9000, at("2026-11-10"));
        assertEquals(1500, l.txBytes());
        assertEquals(9000, l.rxBytes());
        assertEquals(10_500, l.usedBytes());
    }

    @Test
    void should_count_restarted_counters_as_new_traffic_not_negative_usage() {
        UsageLedger l = accountant.observe(null, 0, 100_000, at("2026-11-10"));
        l = accountant.observe(l, 0, 20_000, at("2026-11-10")); // modem reset: counters went back to 0, then 20 kB
        assertEquals(120_000, l.usedBytes());
    }

    @Test
    void should_count_a_reconnect_right_whether_counters_persist_or_restart() {
        UsageLedger persisting = accountant.observe(null, 10, 90, at("2026-11-10"));
        persisting = accountant.observe(persisting, 15, 135, at("2026-11-11")); // new session, totals kept
        assertEquals(150, persisting.usedBytes());
        UsageLedger restarting = accountant.observe(null, 10, 90, at("2026-11-10"));
        restarting = accountant.observe(restarting, 5, 45, at("2026-11-11")); // new session, counters from 0
        assertEquals(150, restarting.usedBytes());
    }

    @Test
    void should_start_a_new_period_on_the_reset_day() {
        UsageLedger l = accountant.observe(null, 0, 1_000, at("2026-11-04"));
        assertEquals(LocalDate.parse("2026-10-05"), l.periodStart());
        l = accountant.observe(l, 0, 3_000, at("2026-11-05"));
        assertEquals(LocalDate.parse("2026-11-05"), l.periodStart());
        assertEquals(LocalDate.parse("2026-12-05"), l.periodEnd());
        assertEquals(2_000, l.usedBytes(), "only traffic after the reset counts in the new period");
    }

    @Test
    void should_parse_carrier_sizes_in_decimal_units() {
        assertEquals(200_000_000L, ByteSize.parse("200MB").bytes());
        assertEquals(200L << 20, ByteSize.parse("200 MiB").bytes());
        assertEquals(1_500_000_000L, ByteSize.parse("1.5gb").bytes());
        assertThrows(QmiConnException.class, () -> ByteSize.parse("lots"));
        assertEquals("123.5 MB", new ByteSize(123_456_789).human());
    }

    @Test
    void should_warn_then_exceed() {
        DataCap cap = new DataCap(ByteSize.parse("200MB"), 80);
        assertEquals(DataCap.Level.UNDER, cap.levelOf(159_999_999));
        assertEquals(DataCap.Level.WARNING, cap.levelOf(160_000_000));
        assertEquals(DataCap.Level.EXCEEDED, cap.levelOf(200_000_000));
        assertEquals(0, cap.remaining(250_000_000));
    }

    @Test
    void should_refuse_a_reset_day_some_months_lack() {
        assertThrows(QmiConnException.class, () -> new UsageAccountant(31, ZoneOffset.UTC));
    }

    @Test
    void should_persist_the_ledger_atomically_and_refuse_a_damaged_one(@TempDir Path dir) throws Exception {
        UsageStore store = new UsageStore(dir);
        assertNull(store.load());
        UsageLedger l = accountant.observe(null, 7, 8, at("2026-11-10"));
        store.save(l);
        assertEquals(l, store.load());
        Files.writeString(store.file(), "{not json");
        QmiConnException e = assertThrows(QmiConnException.class, store::load);
        assertEquals(1, e.getMessage().lines().count());
    }
}
