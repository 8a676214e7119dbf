package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.qmiconn.qmi.VersionVerdict.Severity;
import dev.qmiconn.qmi.parse.QmicliParseException;

class VersionPolicyTest {

    private static VersionPolicy policy(String v) {
        return VersionPolicy.of(LibqmiVersion.parseBare(v));
    }

    @ParameterizedTest(name = "{0}: ip-family bug={1}, ip-type option={2}, expected-data-format={3}, (null) names={4}, qmi-network IP_TYPE={5}")
    @CsvSource({
            "1.12.6,   false, false, false, true,  false",
            "1.14.0,   false, false, true,  true,  false",
            "1.16.0,   false, false, true,  true,  false",
            "1.16.1,   true,  true,  true,  true,  false",
            "1.16.2,   true,  true,  true,  true,  false",
            "1.16.5,   true,  true,  true,  true,  false",
            "1.17.0,   true,  true,  true,  true,  false",
            "1.17.900, false, true,  true,  true,  false",
            "1.18.0,   false, true,  true,  true,  false",
            "1.22.0,   false, true,  true,  false, false",
            "1.30.0,   false, true,  true,  false, true",
            "1.32.2,   false, true,  true,  false, true",
    })
    void should_derive_capabilities_from_the_version(String v, boolean bug, boolean ipType, boolean expected,
                                                     boolean nullNames, boolean qmiNetworkIpType) {
        VersionPolicy p = policy(v);
        assertEquals(bug, p.hasIpFamilyBug());
        assertEquals(bug, p.needsExplicitIpType());
        assertEquals(ipType, p.supportsIpTypeOption());
        assertEquals(expected, p.supportsExpectedDataFormat());
        assertEquals(expected, p.supportsGetWwanIface());
        assertEquals(expected, p.supportsRawIp());
        assertEquals(nullNames, p.mayPrintNullErrorNames());
        assertEquals(qmiNetworkIpType, p.qmiNetworkKnowsIpType());
    }

    @Test
    void should_name_the_bug_and_the_workaround_for_1_16_2() {
        VersionVerdict v = policy("1.16.2").verdict();
        assertEquals(Severity.WORKAROUND, v.severity());
        assertTrue(v.explanation().contains("error 64"), v.explanation());
        assertTrue(v.explanation().contains("845979"), v.explanation());
        assertTrue(v.fix().contains("ip-type=4"), v.fix());
        assertFalse(v.oneLine().contains("\n"));
    }

    @Test
    void should_say_old_versions_lack_raw_ip_and_1_16_0_lacks_ip_type() {
        assertEquals(Severity.LIMITED, policy("1.12.6").verdict().severity());
        assertTrue(policy("1.12.6").verdict().explanation().contains("raw-ip"));
        assertTrue(policy("1.16.0").verdict().explanation().contains("no ip-type option"));
    }

    @Test
    void should_call_1_16_0_fine_for_ipv4_and_say_ipv6_is_impossible() {
        VersionVerdict v = policy("1.16.0").verdict();
        assertEquals(Severity.OK, v.severity(), "the real 1.16.0 connects IPv4 with no workaround");
        assertNull(v.fix());
        assertTrue(v.explanation().contains("works for IPv4 with nothing to work around"), v.explanation());
        assertTrue(v.explanation().contains("IPv6 (--ip-type 6 or 4v6) is impossible"), v.explanation());
    }

    @Test
    void should_find_nothing_to_fix_in_1_32_2() {
        VersionVerdict v = policy("1.32.2").verdict();
        assertEquals(Severity.OK, v.severity());
        assertNull(v.fix());
    }

    @Test
    void should_parse_git_build_versions_and_order_them() {
        LibqmiVersion git = LibqmiVersion.parse("qmicli 1.17.0-5f8b2\nCopyright ...\n");
        assertEquals("1.17.0-5f8b2", git.text());
        assertTrue(VersionPolicy.of(git).hasIpFamilyBug());
        assertTrue(LibqmiVersion.parseBare("1.17.900").compareTo(LibqmiVersion.parseBare("1.17.0")) > 0);
        assertEquals(0, LibqmiVersion.of(1, 22, 0).compareTo(LibqmiVersion.parseBare("1.22")));
    }

    @Test
    void should_refuse_a_version_output_without_a_version_in_one_line() {
        QmicliParseException e = assertThrows(QmicliParseException.class, () -> LibqmiVersion.parse("bash: qmicli"));
        assertFalse(e.getMessage().contains("\n"));
    }
}
