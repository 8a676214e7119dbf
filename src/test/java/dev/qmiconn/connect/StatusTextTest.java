package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code status} for a person prints what is known and leaves out what is not: never the word null. */
class StatusTextTest {

    private static String text(StatusReport r) {
        StringWriter s = new StringWriter();
        StatusText.print(new PrintWriter(s), r);
        return s.toString();
    }

    private static StatusReport report(StatusReport.Registration reg, StatusReport.Ip ip) {
        return report(null, reg, ip);
    }

    private static StatusReport report(StatusReport.Ids ids, StatusReport.Registration reg, StatusReport.Ip ip) {
        return new StatusReport("/dev/cdc-wdm0", "wwan0", "connected", true, "blue solid", "connected",
                new StatusReport.Libqmi("1.32.2", "ok", "fine"), ids,
                new StatusReport.Sim(true, "disabled", 3, 10), reg,
                new StatusReport.SignalView("lte", -63.0, null, null, null, 4), ip, null,
                new StatusReport.Session("qmicli", List.of(6), List.of(3634026241L), null, null), List.of());
    }

    @Test
    void should_print_an_ipv6_only_session_without_null() {
        String out = text(report(new StatusReport.Registration("registered", List.of("lte"), "311", "660", "MetroPCS",
                false, true), new StatusReport.Ip("modem", null, null, null, List.of("2001:db8::53"), null,
                "2001:db8:1::2", 64)));

        assertFalse(out.contains("null"), out);
        assertTrue(out.contains("\n  ipv6:         2001:db8:1::2/64 (modem), dns 2001:db8::53\n"), out);
        assertFalse(out.contains("  ip:  "), out);
    }

    @Test
    void should_print_a_half_configured_session_without_null() {
        String out = text(report(new StatusReport.Registration("registered", List.of(), null, null, "MetroPCS",
                null, null), new StatusReport.Ip("modem", "100.66.12.65", null, null, null, null, null, null)));

        assertFalse(out.contains("null"), out);
        assertTrue(out.contains("\n  ip:           100.66.12.65 (modem)\n"), out);
        assertTrue(out.contains("\n  registration: registered, MetroPCS\n"), out);
    }

    @Test
    void should_print_a_full_ipv4_session_as_before() {
        String out = text(report(new StatusReport.Registration("registered", List.of("lte"), "311", "660", "MetroPCS",
                false, true), new StatusReport.Ip("dhcp", "100.66.12.65", 30, "100.66.12.66",
                List.of("10.177.0.34", "10.177.0.210"), 1500, null, null)));

        assertEquals("""
                /dev/cdc-wdm0 (wwan0): connected on LTE  [LED blue solid]
                  libqmi:       1.32.2 (ok)
                  sim:          present, PIN disabled (3 retries)
                  registration: registered, lte, MetroPCS (311-660)
                  signal:       4/4 bars rssi -63 dBm
                  connection:   connected
                  ip:           100.66.12.65/30 via 100.66.12.66 (dhcp), dns 10.177.0.34 10.177.0.210
                """, out);
    }

    @Test
    void should_show_the_imei_and_the_iccid_when_read_and_only_those_read() {
        StatusReport.Registration reg = new StatusReport.Registration("registered", List.of("lte"), "311", "660",
                "MetroPCS", false, true);
        String both = text(report(new StatusReport.Ids("866948010012345", "8901260123456789012"), reg, null));
        String imeiOnly = text(report(new StatusReport.Ids("866948010012345", null), reg, null));

        assertTrue(both.contains("\n  modem:        IMEI 866948010012345\n"
                + "  sim:          present, ICCID 8901260123456789012, PIN disabled (3 retries)\n"), both);
        assertTrue(imeiOnly.contains("\n  sim:          present, PIN disabled (3 retries)\n"), imeiOnly);
        assertFalse(imeiOnly.contains("null"), imeiOnly);
    }
}
