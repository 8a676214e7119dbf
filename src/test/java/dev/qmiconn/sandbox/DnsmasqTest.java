package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.emulator.InetUtil;

class DnsmasqTest {

    private static final SessionSettings METRO = new SessionSettings("100.76.12.9", 29, "100.76.12.10",
            "10.177.0.34", "10.177.0.210", 1430);

    @Test
    void should_lease_exactly_the_session_address_with_its_router_dns_and_mtu() {
        List<String> argv = Dnsmasq.argv("qc00000000-modem", METRO, Path.of("/w/leases"), Path.of("/w/pid"));
        assertTrue(argv.contains("--dhcp-range=100.76.12.9,100.76.12.9,255.255.255.248,1h"), argv.toString());
        assertTrue(argv.contains("--dhcp-option=option:router,100.76.12.10"));
        assertTrue(argv.contains("--dhcp-option=option:dns-server,10.177.0.34,10.177.0.210"));
        assertTrue(argv.contains("--dhcp-option=option:mtu,1430"));
        assertEquals(List.of("netns", "exec", "qc00000000-modem"), argv.subList(1, 4));
    }

    @Test
    void should_never_read_the_hosts_configuration_and_answer_only_the_carrier_only_name() {
        List<String> argv = Dnsmasq.argv("qc00000000-modem", METRO, Path.of("/w/leases"), Path.of("/w/pid"));
        assertFalse(argv.stream().anyMatch(a -> a.startsWith("--port") || a.startsWith("--server")), argv.toString());
        assertTrue(argv.contains("--host-record=carrier-only.qmi-conn.test,192.0.2.99"), argv.toString());
        assertTrue(argv.containsAll(List.of("--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                "--bind-interfaces", "--no-ping", "--dhcp-ignore-clid", "--dhcp-leasefile=/w/leases",
                "--pid-file=/w/pid", "--keep-in-foreground")), argv.toString());
    }

    @Test
    void should_leave_out_a_missing_second_dns_server() {
        SessionSettings one = new SessionSettings("10.0.0.2", 24, "10.0.0.1", "10.0.0.53", null, 0);
        List<String> argv = Dnsmasq.argv("qc00000000-modem", one, Path.of("/l"), Path.of("/p"));
        assertTrue(argv.contains("--dhcp-option=option:dns-server,10.0.0.53"), argv.toString());
        assertFalse(argv.stream().anyMatch(a -> a.startsWith("--dhcp-option=option:mtu")));
    }

    @Test
    void should_turn_prefix_lengths_into_netmasks() {
        assertEquals("255.255.255.0", InetUtil.mask(24));
        assertEquals("255.255.255.252", InetUtil.mask(30));
        assertEquals("0.0.0.0", InetUtil.mask(0));
        assertEquals("255.255.255.255", InetUtil.mask(32));
        assertThrows(IllegalArgumentException.class, () -> InetUtil.mask(33));
    }
}
