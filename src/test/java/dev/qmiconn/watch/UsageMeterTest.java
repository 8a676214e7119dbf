package dev.qmiconn.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.usage.ByteSize;
import dev.qmiconn.usage.DataCap;
import dev.qmiconn.usage.LedgerKey;
import dev.qmiconn.usage.LedgerStore;
import dev.qmiconn.usage.SimLedger;
import dev.qmiconn.usage.UsageLedger;
import dev.qmiconn.usage.UsageStore;

/** The ledger is written atomically but bounded: not every poll (SD cards), yet nothing counted is lost on stop. */
class UsageMeterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final LedgerKey SIM = LedgerKey.sim("8901260842100012345");

    @TempDir
    Path tmp;

    private LedgerStore store() {
        return new LedgerStore(tmp.resolve("lib"), tmp.resolve("run"));
    }

    private UsageMeter meter(DataCap cap) {
        return new UsageMeter(store(), SIM, "cdc-wdm0", 15, ZoneOffset.UTC, cap);
    }

    private static PacketStatistics stats(long tx, long rx) {
        return new PacketStatistics(null, null, null, null, null, null, null, null, tx, rx, null, null);
    }

    private long savedUsed() {
        return store().load(SIM).map(l -> l.usage().usedBytes()).orElse(-1L);
    }

    @Test
    void should_store_a_new_cap_when_opened_so_a_run_that_starts_capped_is_judged_by_it() {
        UsageMeter before = meter(new DataCap(ByteSize.parse("10MB"), 80));
        before.observe(stats(15_000, 5_000), T0);
        before.flush(T0);

        meter(new DataCap(ByteSize.parse("10KB"), 80)); // held down from the start: it never observes

        SimLedger stored = store().load(SIM).orElseThrow();
        assertEquals(10_000, stored.cap().orElseThrow().limit().bytes(), "usage and up read this cap");
        assertEquals(20_000, stored.usage().usedBytes(), "the count is kept");
    }

    @Test
    void should_write_nothing_when_opened_without_a_cap_or_a_ledger() {
        meter(null);
        assertFalse(Files.exists(store().file(SIM)));
    }

    @Test
    void should_write_at_most_once_a_minute_while_little_is_counted_and_flush_on_stop() {
        UsageMeter m = meter(null);
        m.observe(stats(1000, 1000), T0);
        assertEquals(2000, savedUsed(), "the first observation is written");
        for (int s = 2; s <= 58; s += 2) {
            m.observe(stats(1000 + s * 100, 1000), T0.plusSeconds(s));
        }
        assertEquals(2000, savedUsed(), "29 polls in a minute: no write");
        m.observe(stats(9000, 1000), T0.plusSeconds(60));
        assertEquals(10000, savedUsed(), "a minute after the last write");
        m.observe(stats(9500, 1000), T0.plusSeconds(62));
        assertEquals(10000, savedUsed());
        m.flush(T0.plusSeconds(63));
        assertEquals(10500, savedUsed(), "stop writes what was counted since");
        assertEquals(1, fileCount(), "one ledger, no temp files left: " + tmp.resolve("lib"));
    }

    @Test
    void should_write_at_once_after_10_mb_or_a_cap_level_change() {
        UsageMeter m = meter(new DataCap(ByteSize.parse("100MB"), 80));
        m.observe(stats(0, 1_000_000), T0);
        m.observe(stats(0, 10_000_000), T0.plusSeconds(2));
        assertEquals(1_000_000, savedUsed(), "9 MB more: not yet");
        m.observe(stats(0, 11_000_000), T0.plusSeconds(4));
        assertEquals(11_000_000, savedUsed(), "10 MB more since the last write");
        m.observe(stats(0, 80_000_000), T0.plusSeconds(6));
        assertEquals(80_000_000, savedUsed(), "warning level reached");
        m.observe(stats(0, 80_000_100), T0.plusSeconds(8));
        m.observe(stats(0, 100_000_000), T0.plusSeconds(10));
        assertEquals(100_000_000, savedUsed(), "cap reached: up must see it at once");
        SimLedger saved = store().load(SIM).orElseThrow();
        assertEquals(100_000_000L, saved.capBytes());
        assertEquals(80, saved.capWarn());
        assertEquals(15, saved.resetDay());
        assertEquals(LocalDate.parse("2026-11-15"), saved.usage().periodStart());
    }

    @Test
    void should_count_what_the_modem_counted_while_nothing_was_written_after_a_crash() {
        UsageMeter before = meter(null);
        before.observe(stats(1000, 1000), T0);
        before.observe(stats(5000, 5000), T0.plusSeconds(10)); // counted, not written: then kill -9
        UsageMeter after = meter(null);
        after.observe(stats(6000, 6000), T0.plusSeconds(20));
        after.flush(T0.plusSeconds(21));
        assertEquals(12000, savedUsed(), "the modem's counters kept the unsaved 8000 bytes");
    }

    @Test
    void should_take_over_the_old_usage_json_from_the_runtime_directory_once() throws IOException {
        new UsageStore(tmp.resolve("run")).save(new UsageLedger(LocalDate.parse("2026-11-15"),
                LocalDate.parse("2026-12-15"), 300, 700, 300L, 700L, T0.minus(Duration.ofHours(1))));
        UsageMeter m = meter(null);
        assertEquals(1000, m.current(T0).usedBytes());
        m.observe(stats(400, 700), T0);
        assertEquals(1100, savedUsed());
        assertFalse(Files.exists(tmp.resolve("run/usage.json")), "moved into the ledger directory");
        assertTrue(Files.exists(tmp.resolve("lib/sim-8901260842100012345.json")));
    }

    private long fileCount() {
        try (var s = Files.list(tmp.resolve("lib"))) {
            return s.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
