package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimIdTest {

    @Test
    void should_never_contain_the_iccid_or_a_long_run_of_its_digits() {
        String id = SimId.of(Snapshots.ICCID, "310260123456789");
        assertTrue(id.matches("iccid-[0-9a-f]{12}"), id);
        for (int i = 0; i + 5 <= Snapshots.ICCID.length(); i++) {
            assertFalse(id.contains(Snapshots.ICCID.substring(i, i + 5)), id);
        }
    }

    @Test
    void should_be_stable_per_card_and_differ_between_cards() {
        assertEquals(SimId.of(Snapshots.ICCID, null), SimId.of(Snapshots.ICCID, "310260000000001"));
        assertNotEquals(SimId.of(Snapshots.ICCID, null), SimId.of("8901260862394870222", null));
    }

    @Test
    void should_fall_back_to_the_imsi_then_to_unknown() {
        String imsi = SimId.of(null, "310260123456789");
        assertTrue(imsi.matches("imsi-[0-9a-f]{12}"), imsi);
        assertFalse(imsi.contains("310260123"));
        assertEquals(SimId.UNKNOWN, SimId.of("", "garbage"));
        assertEquals(SimId.UNKNOWN, SimId.of(null, null));
    }

    @Test
    void should_accept_the_f_filler_nibble_of_raw_iccids() {
        assertEquals(SimId.of("8901260862394870221F", null), SimId.of("8901260862394870221f", null));
        assertTrue(SimId.of("8901260862394870221F", null).startsWith("iccid-"));
    }
}
