package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.qmiconn.report.JsonSchema;

/**
 * {@code status --json} through the streaming core: the bytes the ObjectMapper with INDENT_OUTPUT wrote for the
 * annotated {@link StatusReport} (what status printed before), for every section filled, every section null,
 * empty and longer lists, nulls inside, and many random mixes of them.
 */
class StatusJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static StatusReport connected() {
        return new StatusReport("/dev/cdc-wdm0", "wwan0", "connected", true, "blue, solid", "connected",
                new StatusReport.Libqmi("1.32.2", "ok", "libqmi 1.32.2 has no known problem for qmi-conn."),
                new StatusReport.Ids("866948010012345", "8901260842100012345"),
                new StatusReport.Sim(true, "disabled", 3, 10),
                new StatusReport.Registration("registered", List.of("lte"), "311", "660", "MetroPCS", false, true),
                new StatusReport.SignalView("lte", -63.0, -93.0, -9.0, 12.4, 3),
                new StatusReport.Ip("dhcp", "100.66.12.65", 30, "100.66.12.66", List.of("10.177.0.34", "10.177.0.210"),
                        1500, null, null, "file", "qmi-conn block in /etc/resolv.conf"),
                new StatusReport.Packets(9L, 11L, 1080L, 9900L, 0L, 0L, 0L, 0L),
                new StatusReport.Session("qmicli", List.of(1), List.of(3634376449L), "2026-11-30T19:28:16Z", 1L),
                List.of())
                .withUsage(new StatusReport.Usage("sim-8901260842100012345", "2026-12-01", 46080L, 2000000000L,
                        1999953920L))
                .withRoamingGuard(RoamingPolicy.Mode.DENY);
    }

    private static StatusReport nothing() {
        return new StatusReport("/dev/cdc-wdm1", null, "no-service", false, "off", "unknown", null, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static void assertSame(StatusReport r) throws Exception {
        assertEquals(MAPPER.writeValueAsString(r), StatusJson.write(r));
    }

    @Test
    void should_write_what_the_object_mapper_wrote_for_a_connected_modem() throws Exception {
        assertSame(connected());
        assertTrue(StatusJson.write(connected()).startsWith("{\n  \"" + JsonSchema.FIELD + "\" : "
                + JsonSchema.VERSION + ",\n"));
    }

    @Test
    void should_write_null_sections_and_null_lists_as_the_mapper_did() throws Exception {
        assertSame(nothing());
        assertSame(nothing().withRoamingGuard(RoamingPolicy.Mode.ALLOW));
    }

    @Test
    void should_write_empty_lists_nulls_inside_lists_and_awkward_values_as_the_mapper_did() throws Exception {
        StatusReport r = new StatusReport("/dev/cdc-wdm0", "wwp0s20u1 \"x\"\t\\ é", "registered", false,
                "blue, blinking", "disconnected",
                new StatusReport.Libqmi("1.16.2", "bad", "line one\nline two \u0001"),
                new StatusReport.Ids("866948010012345", null),
                new StatusReport.Sim(false, null, 0, 0),
                new StatusReport.Registration("registered", List.of(), null, null, null, null, null),
                new StatusReport.SignalView(null, null, Double.valueOf(-140.5), 1.0E-5, 123456789.25, 0),
                new StatusReport.Ip("modem", null, null, null, Arrays.asList("10.0.0.1", null), null,
                        "2001:db8::1", 64),
                new StatusReport.Packets(null, Long.MAX_VALUE, null, 4294967296L, null, null, -1L, null),
                new StatusReport.Session("qmi-network", List.of(), Arrays.asList(4294967295L, null),
                        "1970-01-01T00:00:00Z", null),
                Arrays.asList("card status: error one", "", null, "ünïcødé ✓"));
        assertSame(r);
        assertSame(r.withUsage(new StatusReport.Usage("sim-x", "2026-12-01", 0L, null, null)));
    }

    @Test
    void should_write_what_the_object_mapper_wrote_for_random_mixes_of_sections() throws Exception {
        Random random = new Random(13);
        StatusReport full = connected();
        StatusReport none = nothing();
        for (int i = 0; i < 200; i++) {
            Object[] parts = new Object[17];
            Object[] a = components(full);
            Object[] b = components(none);
            for (int k = 0; k < parts.length; k++) {
                parts[k] = random.nextBoolean() ? a[k] : b[k];
            }
            assertSame(new StatusReport((String) parts[0], (String) parts[1], (String) parts[2], (Boolean) parts[3],
                    (String) parts[4], (String) parts[5], (StatusReport.Libqmi) parts[6], (StatusReport.Ids) parts[7],
                    (StatusReport.Sim) parts[8], (StatusReport.Registration) parts[9],
                    (StatusReport.SignalView) parts[10], (StatusReport.Ip) parts[11], (StatusReport.Packets) parts[12],
                    (StatusReport.Session) parts[13], (StatusReport.Usage) parts[14],
                    (StatusReport.RoamingGuard) parts[15], castList(parts[16])));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    private static Object[] components(StatusReport r) {
        List<Object> c = new ArrayList<>(Arrays.asList(r.device(), r.iface(), r.state(), r.lte(), r.led(),
                r.connection(), r.libqmi(), r.ids(), r.sim(), r.registration(), r.signal(), r.ip(), r.packets(),
                r.session(), r.usage(), r.roamingGuard(), r.errors()));
        return c.toArray();
    }
}
