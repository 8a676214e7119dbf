package dev.qmiconn.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class DeviceConfigTest {

    private static final String FILE = "/etc/qmi-conn/cdc-wdm0.conf";

    @Test
    void should_read_keys_comments_blank_lines_quotes_and_empty_values() {
        DeviceConfig c = DeviceConfig.parse("""
                # Metro PCS
                APN=fast.metropcs.com

                  APN_USER =
                APN_PASS="s3cret"
                PIN='1234'
                IP_TYPE=4V6
                PROXY=yes
                TIMEOUT=2m
                CAP=2GB
                RESET_DAY=15
                """, FILE);
        assertEquals(Optional.of("fast.metropcs.com"), c.get(ConfigKey.APN));
        assertEquals(Optional.empty(), c.get(ConfigKey.APN_USER), "empty means not set");
        assertEquals(Optional.of("s3cret"), c.get(ConfigKey.APN_PASS));
        assertEquals(Optional.of("1234"), c.get(ConfigKey.PIN));
        assertEquals(Optional.of("4v6"), c.get(ConfigKey.IP_TYPE));
        assertEquals(Optional.of("yes"), c.get(ConfigKey.PROXY));
        assertEquals(Optional.of("2m"), c.get(ConfigKey.TIMEOUT));
        assertEquals(Optional.of("15"), c.get(ConfigKey.RESET_DAY));
        assertEquals(FILE + ":11", c.where(ConfigKey.RESET_DAY));
        assertTrue(c.hasSecrets());
        assertFalse(DeviceConfig.parse("APN=x\nCAP=1GB\n", FILE).hasSecrets());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "APN=x\\nAPNN=y|:2: unknown key 'APNN' (known: APN, APN_USER, APN_PASS,",
            "apn=x|:1: unknown key 'apn'",
            "APN=x\\nAPN=y|:2: APN given twice (first on line 1)",
            "# c\\nAPN=fast'metro|:2: APN: invalid APN 'fast'metro'",
            "IP_TYPE=5|:1: IP_TYPE: '5' is not one of 4, 6, 4v6",
            "RESET_DAY=29|:1: RESET_DAY: invalid reset day 29: use 1 to 28",
            "CAP_WARN=0|:1: CAP_WARN: --cap-warn must be 1 to 100",
            "CAP=lots|:1: CAP: invalid size 'lots'",
            "TIMEOUT=-1s|:1: TIMEOUT: invalid duration '-1s'",
            "POLL=0|:1: POLL: invalid duration '0'",
            "ESCALATE_AFTER=0|:1: ESCALATE_AFTER: '0' is not a number from 1 to 1000",
            "PROXY=1|:1: PROXY: '1' is not one of yes, no",
            "AT_PORT=/tmp/x|:1: AT_PORT: invalid device '/tmp/x'",
            "IFACE=a/b|:1: IFACE: invalid interface name 'a/b'",
            "METHOD=mbim|:1: METHOD: 'mbim' is not one of qmi, at",
            "=x|:1: expected KEY=value",
            "export APN=x|:1: unknown key 'export APN'"})
    void should_refuse_with_one_line_naming_file_and_line(String text, String expected) {
        QmiConnException e = assertThrows(QmiConnException.class,
                () -> DeviceConfig.parse(text.replace("\\n", "\n"), FILE));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(FILE + expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void should_never_echo_a_secret_in_an_error() {
        QmiConnException pass = assertThrows(QmiConnException.class,
                () -> DeviceConfig.parse("APN_PASS=se cret$\n", FILE));
        assertFalse(pass.getMessage().contains("se cret"), pass.getMessage());
        QmiConnException pin = assertThrows(QmiConnException.class, () -> DeviceConfig.parse("PIN=12a4\n", FILE));
        assertFalse(pin.getMessage().contains("12a4"), pin.getMessage());
        QmiConnException bare = assertThrows(QmiConnException.class, () -> DeviceConfig.parse("98765\n", FILE));
        assertFalse(bare.getMessage().contains("98765"), bare.getMessage());
    }

    @Test
    void should_map_every_key_to_a_distinct_option() {
        java.util.List<ConfigKey> withOption = java.util.Arrays.stream(ConfigKey.values())
                .filter(k -> k.option() != null).toList();
        assertEquals(withOption.size(), withOption.stream().map(ConfigKey::option).distinct().count());
        for (ConfigKey k : withOption) {
            assertEquals(Optional.of(k), ConfigKey.forOption(k.option()));
        }
    }

    @Test
    void should_have_no_option_only_for_the_telemetry_keys() {
        assertEquals(dev.qmiconn.telemetry.TelemetrySettings.KEYS, java.util.Arrays.stream(ConfigKey.values())
                .filter(k -> k.option() == null).map(ConfigKey::name).toList());
        assertEquals(Optional.empty(), ConfigKey.forOption(null));
    }

    @Test
    void should_check_telemetry_values_per_line_without_echoing_the_password() {
        DeviceConfig ok = DeviceConfig.parse("MQTT_URL=mqtts://broker.lan\nPROMETHEUS_LISTEN=9417\n", FILE);
        assertEquals("mqtts://broker.lan", ok.settings().get(ConfigKey.MQTT_URL).value());
        QmiConnException e = assertThrows(QmiConnException.class,
                () -> DeviceConfig.parse("APN=x\nPROMETHEUS_LISTEN=lan-host:9417\n", FILE));
        assertTrue(e.getMessage().contains(":2: PROMETHEUS_LISTEN"), e.getMessage());
        QmiConnException pass = assertThrows(QmiConnException.class,
                () -> DeviceConfig.parse("MQTT_PASS=se\u0001cret\n", FILE));
        assertFalse(pass.getMessage().contains("cret"), pass.getMessage());
        assertTrue(ConfigKey.MQTT_PASS.secret());
    }
}
