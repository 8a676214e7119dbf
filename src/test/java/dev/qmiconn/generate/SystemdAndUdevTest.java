package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemdAndUdevTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = SystemdAndUdevTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_render_the_metropcs_unit_bound_to_the_escaped_control_device() throws IOException {
        Cli r = Cli.run("generate", "systemd", "--apn", "fast.metropcs.com");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(resource("metropcs.service"), r.out());
    }

    @Test
    void should_render_the_e397u_53_udev_rule() throws IOException {
        Cli r = Cli.run("generate", "udev");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(resource("e397u-53.rules"), r.out());
    }

    @Test
    void should_add_systemd_wants_only_when_asked() {
        assertTrue(Cli.run("generate", "udev", "--systemd-wants", "qmi-conn.service").out()
                .contains(", TAG+=\"systemd\", ENV{SYSTEMD_WANTS}+=\"qmi-conn.service\"\n"));
        assertTrue(!Cli.run("generate", "udev").out().contains("SYSTEMD_WANTS"));
    }

    @ParameterizedTest
    @CsvSource({"/dev/cdc-wdm0, dev-cdc\\x2dwdm0", "/dev/qmi-e397, dev-qmi\\x2de397", "/dev//a/b/, dev-a-b",
            "/dev/.x, dev-.x", "/.x, \\x2ex", "/dev/a b, dev-a\\x20b", "/dev/ü, dev-\\xc3\\xbc", "/, -"})
    void should_escape_paths_like_systemd_escape(String path, String expected) {
        assertEquals(expected, SystemdSyntax.escapePath(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain/x-1.2:3|plain/x-1.2:3",
            "a b|\"a b\"",
            "50%|\"50%%\"",
            "$HOME|\"$$HOME\"",
            "q\"q|\"q\\\"q\"",
            "b\\s|\"b\\\\s\"",
            "it's|\"it's\""})
    void should_quote_exec_words_for_systemd(String value, String expected) {
        assertEquals(expected, SystemdSyntax.execWord("v", value));
    }

    @Test
    void should_refuse_bad_udev_values_and_java_options() {
        Cli vendor = Cli.run("generate", "udev", "--vendor", "12D1\"");
        assertEquals(3, vendor.exitCode());
        assertTrue(vendor.err().startsWith("qmi-conn: invalid --vendor"), vendor.err());
        Cli name = Cli.run("generate", "udev", "--at-name", "../ttyS0");
        assertEquals(3, name.exitCode());
        Cli java = Cli.run("generate", "systemd", "--java-opts", "-Xmx32m $(id)");
        assertEquals(3, java.exitCode());
        Cli unit = Cli.run("generate", "systemd", "--unit", "qmi conn.service");
        assertEquals(3, unit.exitCode());
    }
}
