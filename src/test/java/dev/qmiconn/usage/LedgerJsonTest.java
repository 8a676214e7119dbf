package dev.qmiconn.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.qmiconn.error.QmiConnException;

/** Ledger files through the streaming core: the ObjectMapper's bytes, and what it read (or refused) read the same. */
class LedgerJsonTest {

    /** What wrote and read the ledgers before (and older versions' files on disk). */
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private static final UsageLedger USAGE = new UsageLedger(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1),
            123_456_789_012L, 42, 9_000_000_000L, 17L, Instant.parse("2026-11-30T19:30:01.123456789Z"));
    private static final UsageLedger FRESH = new UsageLedger(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 28),
            0, 0, null, null, Instant.parse("2026-02-28T00:00:00Z"));

    private static final List<SimLedger> LEDGERS = List.of(
            new SimLedger("sim-89014103211118510720", "/dev/cdc-wdm0", 2_000_000_000L, 80, 1, USAGE),
            new SimLedger("device-cdc-wdm1", "/dev/cdc-wdm1", null, null, 28, FRESH),
            new SimLedger("sim-89014103211118510721", null, 5L, null, 31, null));

    @Test
    void should_write_what_the_object_mapper_wrote_byte_for_byte(@TempDir Path dir) throws Exception {
        LedgerStore store = new LedgerStore(dir, null);
        for (SimLedger l : LEDGERS) {
            store.save(l);
            assertEquals(MAPPER.writeValueAsString(l) + "\n", Files.readString(store.file(new LedgerKey(l.key()))));
        }
        for (UsageLedger u : List.of(USAGE, FRESH)) {
            new UsageStore(dir).save(u);
            assertEquals(MAPPER.writeValueAsString(u) + "\n", Files.readString(dir.resolve(UsageStore.FILE_NAME)));
        }
    }

    @Test
    void should_read_back_what_it_and_the_object_mapper_wrote(@TempDir Path dir) throws Exception {
        LedgerStore store = new LedgerStore(dir, null);
        for (SimLedger l : LEDGERS) {
            store.save(l);
            assertEquals(Optional.of(l), store.load(new LedgerKey(l.key())));
            assertEquals(l, LedgerJson.readSim(MAPPER.writeValueAsString(l)));
        }
        new UsageStore(dir).save(USAGE);
        assertEquals(USAGE, new UsageStore(dir).load());
        assertEquals(FRESH, LedgerJson.readUsage(MAPPER.writeValueAsString(FRESH)));
    }

    @Test
    void should_read_the_other_shapes_the_object_mapper_took() throws Exception {
        String text = "{\"periodStart\":[2026,11,1],\"periodEnd\":\"2026-12-01\",\"txBytes\":\"5\","
                + "\"lastTxBytes\":null,\"updated\":1764531000}";
        UsageLedger u = LedgerJson.readUsage(text);
        assertEquals(MAPPER.readValue(text, UsageLedger.class), u);
        assertEquals(new UsageLedger(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), 5, 0, null, null,
                Instant.ofEpochSecond(1764531000L)), u);
        String sim = "{\"key\":\"device-cdc-wdm0\",\"capWarn\":\"90\"}";
        assertEquals(MAPPER.readValue(sim, SimLedger.class), LedgerJson.readSim(sim));
    }

    @Test
    void should_refuse_what_the_object_mapper_refused_naming_the_file(@TempDir Path dir) throws Exception {
        LedgerStore store = new LedgerStore(dir, null);
        LedgerKey key = new LedgerKey("device-cdc-wdm0");
        for (String damaged : List.of("", "{\"key\":", "[]", "{\"key\":\"k\",\"future\":1}",
                "{\"usage\":{\"txBytes\":1,\"other\":2}}", "{\"usage\":{\"periodStart\":\"2026-13-01\"}}",
                "{\"usage\":{\"updated\":\"yesterday\"}}", "{\"resetDay\":{\"a\":1}}", "{\"capWarn\":3000000000}")) {
            Files.writeString(store.file(key), damaged);
            assertThrows(Exception.class, () -> MAPPER.readValue(damaged, SimLedger.class), damaged);
            QmiConnException e = assertThrows(QmiConnException.class, () -> store.load(key), damaged);
            assertTrue(e.getMessage().startsWith("cannot read usage ledger " + store.file(key) + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" (move it aside to start counting anew)"), e.getMessage());
        }
    }
}
