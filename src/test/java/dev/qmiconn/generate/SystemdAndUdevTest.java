package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemdAndUdevTest {

    private static final Path DEB_UNIT = Path.of("src/deb/systemd/qmi-conn@.service");

    private static String resource(String name) throws IOException {
        try (InputStream in = SystemdAndUdevTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_print_exactly_the_unit_the_deb_ships() throws IOException {
        Cli r = Cli.run("generate", "systemd");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.readString(DEB_UNIT), r.out(), "src/deb/systemd/qmi-conn@.service is generate's output: "
                + "after changing SystemdUnit, run: qmi-conn generate systemd --out src/deb/systemd/qmi-conn@.service"
                + " --force");
        assertEquals(SystemdUnit.render("/usr/bin/qmi-conn", Optional.empty()), Files.readString(DEB_UNIT));
    }

    @Test
    void should_run_watch_for_the_instance_device_as_a_notify_service_with_persistent_state() {
        String unit = Cli.run("generate", "systemd").out();
        for (String line : List.of("ExecStart=/usr/bin/qmi-conn watch --device /dev/%i $QMI_CONN_WATCH_OPTS",
                "Type=notify", "NotifyAccess=all", "Restart=on-failure", "StateDirectory=qmi-conn",
                "RuntimeDirectory=qmi-conn", "RuntimeDirectoryPreserve=yes", "KillMode=mixed",
                "EnvironmentFile=-/etc/default/qmi-conn")) {
            assertTrue(unit.lines().anyMatch(line::equals), line + " in\n" + unit);
        }
        String exec = value(unit, "ExecStart");
        assertFalse(exec.contains("--pin") || exec.contains("--password") || exec.contains("--apn"),
                "no setting on argv: they live in /etc/qmi-conn/%i.conf");
    }

    /** The hardening must leave what watch needs (the score itself is checked by SystemdToolsTest). */
    @Test
    void should_keep_what_watch_needs_through_the_hardening() {
        String unit = Cli.run("generate", "systemd").out();
        assertEquals(Set.of("CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE", "CAP_CHOWN"),
                Set.of(value(unit, "CapabilityBoundingSet").split(" ")), "ip, udhcpc, the socket's group");
        assertEquals(Set.of("AF_UNIX", "AF_NETLINK", "AF_INET", "AF_INET6", "AF_PACKET"),
                Set.of(value(unit, "RestrictAddressFamilies").split(" ")));
        assertEquals("char-usb rw", value(unit, "DeviceAllow"), "cdc-wdm's major 180 is 'usb' in /proc/devices");
        assertTrue(value(unit, "ReadWritePaths").startsWith("/etc "), "resolv.conf is replaced by a rename in /etc");
        assertFalse(unit.contains("ProtectKernelTunables=yes"), "/sys/class/net/wwan0/qmi/raw_ip is written");
        assertFalse(unit.contains("MemoryDenyWriteExecute=yes"), "the JVM's JIT writes code");
        assertFalse(unit.contains("PrivateNetwork=yes") || unit.contains("PrivateDevices=yes"));
    }

    @Test
    void should_add_jvm_flags_and_another_program_when_asked() {
        String unit = Cli.run("generate", "systemd", "--java-opts", "-Xmx32m", "--qmi-conn", "/opt/q c/qmi-conn")
                .out();
        assertTrue(unit.contains("\nEnvironment=\"QMI_CONN_JAVA_OPTS=-Xmx32m\"\n"), unit);
        assertTrue(unit.contains("\nExecStart=\"/opt/q c/qmi-conn\" watch --device /dev/%i"), unit);
        Cli relative = Cli.run("generate", "systemd", "--qmi-conn", "qmi-conn");
        assertEquals(3, relative.exitCode(), relative.err());
        Cli apn = Cli.run("generate", "systemd", "--apn", "fast.metropcs.com");
        assertEquals(2, apn.exitCode(), "settings belong in generate config: " + apn.err());
    }

    private static String value(String unit, String key) {
        return unit.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= in\n" + unit));
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

    @Test
    void should_leave_modemmanager_and_networkmanager_alone_only_when_the_port_is_shared() {
        String shared = Cli.run("generate", "udev", "--modem-manager", "share").out();
        assertTrue(!shared.contains("ID_MM_") && !shared.contains("NM_UNMANAGED"), shared);
        assertTrue(shared.contains("run qmi-conn with --proxy"), shared);
        Cli bad = Cli.run("generate", "udev", "--modem-manager", "maybe");
        assertEquals(3, bad.exitCode());
        assertEquals("qmi-conn: invalid --modem-manager 'maybe': ignore or share\n", bad.err());
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
        Cli unit = Cli.run("generate", "udev", "--systemd-wants", "qmi conn.service");
        assertEquals(3, unit.exitCode());
    }
}
