package dev.qmiconn.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/** Each backend's calls and files, from up to down, on fixture roots; the real programs run in DnsSandboxTest. */
public class DnsTest {

    private static final List<String> SERVERS = List.of("10.177.0.34", "10.177.0.210");
    private static final Path ROOTS = ResolverDetectorTest.ROOTS;

    /** Remembers every call (with its stdin) and answers with {@code answer}. */
    static final class Calls implements CommandRunner {
        final List<CommandSpec> made = new ArrayList<>();
        final Function<CommandSpec, Integer> answer;

        Calls(Function<CommandSpec, Integer> answer) {
            this.answer = answer;
        }

        @Override
        public CommandResult run(CommandSpec spec) {
            made.add(spec);
            int exit = answer.apply(spec);
            return new CommandResult(spec.argv(), exit, "", exit == 0 ? "" : "Failed to set DNS configuration: "
                    + "Link wwan0 not known\n", false, Duration.ZERO);
        }

        @Override
        public BackgroundProcess start(CommandSpec spec) {
            throw new UnsupportedOperationException();
        }

        List<List<String>> argvs() {
            return made.stream().map(CommandSpec::argv).toList();
        }
    }

    private static Dns.Setup setup(DnsMode mode, Path root, Path tmp) {
        return new Dns.Setup(mode, root, tmp.resolve("resolv.conf.head"), tmp.resolve("resolv.conf"));
    }

    @Test
    void should_set_and_revert_resolveds_per_link_servers_where_resolved_owns_resolv_conf(@TempDir Path tmp) {
        Calls calls = new Calls(s -> 0);
        Dns dns = new Dns(calls, tmp);
        List<String> said = dns.apply(setup(DnsMode.AUTO, ROOTS.resolve("resolved-stub"), tmp), "cdc-wdm0", "wwan0",
                SERVERS);

        assertEquals(List.of(List.of("resolvectl", "dns", "wwan0", "10.177.0.34", "10.177.0.210")), calls.argvs());
        assertTrue(said.get(0).startsWith("systemd-resolved now uses 10.177.0.34 10.177.0.210 for wwan0"), said.get(0));
        assertEquals("systemd-resolved on wwan0", Dns.held(tmp, "cdc-wdm0").orElseThrow().heldBy());
        assertFalse(Files.exists(tmp.resolve("resolv.conf.head")), "no file is touched");

        assertEquals(List.of(), dns.revert("cdc-wdm0"));
        assertEquals(List.of("resolvectl", "revert", "wwan0"), calls.argvs().get(1));
        assertTrue(Dns.held(tmp, "cdc-wdm0").isEmpty());
        assertEquals(List.of(), dns.revert("cdc-wdm0"), "a second down has nothing to undo");
        assertEquals(2, calls.made.size());
    }

    @Test
    void should_hand_openresolv_a_record_on_stdin_and_delete_it_forcefully(@TempDir Path tmp) {
        Calls calls = new Calls(s -> 0);
        Dns dns = new Dns(calls, tmp);
        dns.apply(setup(DnsMode.AUTO, ROOTS.resolve("rpi-bullseye-dhcpcd-openresolv"), tmp), "cdc-wdm0", "wwan0",
                SERVERS);

        assertEquals(List.of("/sbin/resolvconf", "-a", "wwan0.qmi-conn"), calls.argvs().get(0));
        assertEquals("nameserver 10.177.0.34\nnameserver 10.177.0.210\n", calls.made.get(0).stdin());
        assertEquals("openresolv record wwan0.qmi-conn", Dns.held(tmp, "cdc-wdm0").orElseThrow().heldBy());
        dns.revert("cdc-wdm0");
        assertEquals(List.of("/sbin/resolvconf", "-f", "-d", "wwan0.qmi-conn"), calls.argvs().get(1));
    }

    @Test
    void should_delete_a_debian_resolvconf_record_without_f_which_it_does_not_know(@TempDir Path tmp) {
        Calls calls = new Calls(s -> 0);
        Dns dns = new Dns(calls, tmp);
        List<String> said = dns.apply(setup(DnsMode.RESOLVCONF, ROOTS.resolve("debian-resolvconf"), tmp), "at-wwan0",
                "wwan0", SERVERS);
        assertEquals(1, said.size(), "updates enabled and linked: no warning");
        dns.revert("at-wwan0");
        assertEquals(List.of("/sbin/resolvconf", "-d", "wwan0.qmi-conn"), calls.argvs().get(1));
    }

    @Test
    void should_write_networkmanagers_per_boot_global_dns_and_reload_it(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        copyTree(ROOTS.resolve("rpi-bookworm-networkmanager"), root);
        Calls calls = new Calls(s -> 0);
        Dns dns = new Dns(calls, tmp.resolve("state"));
        dns.apply(setup(DnsMode.AUTO, root, tmp), "cdc-wdm0", "wwan0", SERVERS);

        Path dropIn = root.resolve("run/NetworkManager/conf.d/90-qmi-conn-wwan0.conf");
        String text = Files.readString(dropIn);
        assertTrue(text.contains("\n[global-dns-domain-*]\nservers=10.177.0.34,10.177.0.210\n"), text);
        assertEquals(List.of(List.of("nmcli", "general", "reload", "conf")), calls.argvs());
        assertEquals(List.of(), dns.revert("cdc-wdm0"));
        assertFalse(Files.exists(dropIn));
        assertEquals(2, calls.made.size());
    }

    @Test
    void should_keep_the_block_in_the_head_for_dhcpcd_and_put_it_in_resolv_conf_now(@TempDir Path tmp)
            throws Exception {
        Files.writeString(tmp.resolve("resolv.conf.head"), "#OpenDns Servers\nnameserver 208.67.222.222\n");
        Files.writeString(tmp.resolve("resolv.conf"), "# Generated by dhcpcd\nnameserver 192.168.1.1\n");
        Dns dns = new Dns(new Calls(s -> 1), tmp.resolve("state"));
        dns.apply(setup(DnsMode.AUTO, ROOTS.resolve("dhcpcd-head"), tmp), "cdc-wdm0", "wwan0", SERVERS);

        String block = DnsBlock.begin("cdc-wdm0") + "\nnameserver 10.177.0.34\nnameserver 10.177.0.210\n"
                + DnsBlock.end("cdc-wdm0") + "\n";
        assertEquals("#OpenDns Servers\nnameserver 208.67.222.222\n" + block,
                Files.readString(tmp.resolve("resolv.conf.head")));
        assertEquals("# Generated by dhcpcd\n" + block + "nameserver 192.168.1.1\n",
                Files.readString(tmp.resolve("resolv.conf")));
        dns.revert("cdc-wdm0");
        assertEquals("#OpenDns Servers\nnameserver 208.67.222.222\n", Files.readString(tmp.resolve("resolv.conf.head")));
        assertEquals("# Generated by dhcpcd\nnameserver 192.168.1.1\n", Files.readString(tmp.resolve("resolv.conf")));
    }

    @Test
    void should_say_loudly_what_the_plain_file_backend_did_and_none_does_nothing(@TempDir Path tmp) {
        Dns dns = new Dns(new Calls(s -> 1), tmp);
        List<String> said = dns.apply(setup(DnsMode.AUTO, ROOTS.resolve("plain-file"), tmp), "cdc-wdm0", "wwan0",
                SERVERS);
        assertTrue(said.get(0).startsWith("NOTE: no resolver manager found, so qmi-conn wrote 10.177.0.34 "
                + "10.177.0.210 straight into " + tmp.resolve("resolv.conf")), said.get(0));
        dns.revert("cdc-wdm0");
        assertEquals(List.of("--dns none: the servers (10.177.0.34 10.177.0.210) were given to nobody"),
                dns.apply(setup(DnsMode.NONE, ROOTS.resolve("plain-file"), tmp), "cdc-wdm0", "wwan0", SERVERS));
        assertTrue(Dns.held(tmp, "cdc-wdm0").isEmpty());
    }

    @Test
    void should_fail_in_one_line_with_the_programs_words_and_keep_the_record_for_down(@TempDir Path tmp) {
        Calls calls = new Calls(s -> 1);
        Dns dns = new Dns(calls, tmp);
        QmiConnException e = assertThrows(QmiConnException.class, () -> dns.apply(setup(DnsMode.RESOLVED,
                ROOTS.resolve("plain-file"), tmp), "cdc-wdm0", "wwan0", SERVERS));
        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertEquals("could not hand the DNS servers over: resolvectl dns wwan0 10.177.0.34 10.177.0.210 failed "
                + "(exit 1: Failed to set DNS configuration: Link wwan0 not known); is systemd-resolved running "
                + "(systemctl status systemd-resolved)? Or choose another --dns", e.getMessage());
        assertTrue(Dns.held(tmp, "cdc-wdm0").isPresent(), "down still knows whom to ask");
        assertEquals(List.of(), dns.revert("cdc-wdm0"), "a link resolved does not know has nothing to revert");
    }

    @Test
    void should_read_every_word_in_one_place() {
        assertEquals(DnsMode.RESOLVED, DnsMode.fromWord("systemd-resolved"));
        assertEquals(DnsMode.NETWORKMANAGER, DnsMode.fromWord("NetworkManager"));
        assertEquals(DnsMode.RESOLVCONF, DnsMode.fromWord("openresolv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsMode.fromWord("bind"));
        assertEquals("dns must be one of auto|resolved|resolvconf|networkmanager|dhcpcd|file|none, not 'bind'",
                e.getMessage());
    }

    public static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(t.getParent());
                    Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        }
    }
}
