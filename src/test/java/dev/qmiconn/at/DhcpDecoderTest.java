package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class DhcpDecoderTest {

    private static final String GUIDE =
            "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000";

    @Test
    void should_decode_the_freedompop_guide_line() {
        DhcpSettings s = DhcpDecoder.decode(GUIDE);
        assertEquals("10.0.0.1", s.address());
        assertEquals(30, s.prefixLength());
        assertEquals("10.0.0.1/30", s.cidr());
        assertEquals("255.255.255.252", s.netmask());
        assertEquals("10.0.0.2", s.gateway());
        assertEquals("10.0.0.2", s.dhcpServer());
        assertEquals("8.8.8.8", s.dns1());
        assertEquals("8.8.4.4", s.dns2());
        assertEquals(100_000_000L, s.maxRxBitsPerSecond());
        assertEquals(50_000_000L, s.maxTxBitsPerSecond());
        assertTrue(s.gatewayOnSubnet());
        assertTrue(s.hasAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "^DHCP:0100000a,fcffffff,0200000a,0200000a,08080808,04040808,100000000,50000000",
        "^DHCP: 0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DHCP:   0x0100000a,0xfcffffff,0x0200000a,0x200000A,0X8080808,0x4040808,100000000,50000000",
        "^dhcp:0100000A,FCFFFFFF,0200000A,0200000A,8080808,4040808,100000000,50000000",
        "  ^DHCP:100000a,fcffffff,200000a,200000a,8080808,4040808,100000000,50000000\r\n",
        "0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DHCP:0100000a, fcffffff, 0200000a, 0200000a, 8080808, 4040808, 100000000, 50000000",
    })
    void should_tolerate_the_variants_users_paste(String line) {
        assertEquals(DhcpDecoder.decode(GUIDE), DhcpDecoder.decode(line));
    }

    @Test
    void should_read_a_gateway_outside_the_subnet() {
        DhcpSettings s = DhcpDecoder.decode("^DHCP:2a4d400a,ffffffff,2b4d400a,2b4d400a,101a8c0,201a8c0,0,0");
        assertEquals("10.64.77.42/32", s.cidr());
        assertEquals("10.64.77.43", s.gateway());
        assertEquals("192.168.1.1", s.dns1());
        assertFalse(s.gatewayOnSubnet());
    }

    @Test
    void should_say_all_zeros_is_no_address() {
        assertFalse(DhcpDecoder.decode("^DHCP:0,0,0,0,0,0,0,0").hasAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "OK",
        "^DHCP:",
        "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000",
        "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000,1",
        "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,",
        "^DHCP:10.0.0.1,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DHCP:0100000g,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DHCP:10100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DHCP:0x,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,-1,50000000",
        "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,1e8,50000000",
        "^DHCP:0100000a,00ffffff,0200000a,0200000a,8080808,4040808,100000000,50000000\nOK",
        "^DHCP:0100000a,f0ff00ff,0200000a,0200000a,8080808,4040808,100000000,50000000",
        "^DNS:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000",
    })
    void should_refuse_malformed_lines_with_one_line_and_bad_input(String line) {
        QmiConnException e = assertThrows(QmiConnException.class, () -> DhcpDecoder.decode(line));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("\r"), e.getMessage());
    }

    @Test
    void should_name_the_bad_field() {
        QmiConnException e = assertThrows(QmiConnException.class, () -> DhcpDecoder.decode(
                "^DHCP:0100000a,fcffffff,0200000a,0200000a,zz,4040808,100000000,50000000"));
        assertTrue(e.getMessage().contains("DNS 1 'zz'"), e.getMessage());
    }
}
