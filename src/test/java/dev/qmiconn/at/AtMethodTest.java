package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class AtMethodTest {

    @Test
    void should_choose_the_path_from_the_method_word() {
        assertTrue(AtMethod.isAt("at"));
        assertFalse(AtMethod.isAt("qmi"));
        assertEquals(ExitCode.BAD_INPUT, assertThrows(QmiConnException.class, () -> AtMethod.isAt("AT\n")).exitCode());
    }

    @Test
    void should_write_each_real_dns_server_once() {
        assertEquals(List.of("8.8.8.8", "8.8.4.4"), AtMethod.dns(DhcpDecoder.decode(
                "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,0,0")));
        assertEquals(List.of("8.8.8.8"), AtMethod.dns(DhcpDecoder.decode(
                "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,0,0,0")));
        assertEquals(List.of("8.8.8.8"), AtMethod.dns(DhcpDecoder.decode(
                "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,8080808,0,0")));
    }

    @Test
    void should_use_wwan0_when_the_interface_is_auto() {
        assertEquals("wwan0", AtMethod.iface("auto"));
        assertEquals("wwan1", AtMethod.iface("wwan1"));
        assertThrows(QmiConnException.class, () -> AtMethod.iface("wwan0;x"));
    }
}
