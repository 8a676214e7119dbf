package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateInterfacesCommandTest {

    @TempDir
    Path root;

    Path interfacesD;

    @BeforeEach
    void debian12Root() throws IOException {
        interfacesD = Files.createDirectories(root.resolve("etc/network/interfaces.d"));
        Files.writeString(root.resolve("etc/network/interfaces"),
                "# interfaces(5) file used by ifup(8) and ifdown(8)\nsource /etc/network/interfaces.d/*\n");
    }

    private Cli generate(String out, String... more) {
        String[] base = {"generate", "interfaces", "--apn", "fast.metropcs.com", "--root", root.toString(),
                "--out", out};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void should_write_the_stanza_world_readable_and_say_where_without_warnings() throws IOException {
        Path out = interfacesD.resolve("wwan0");
        Cli r = generate(out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("qmi-conn: wrote " + out + "\n", r.err());
        assertEquals(Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com").out(), Files.readString(out));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void should_make_the_file_root_only_when_it_holds_a_password_or_pin() throws IOException {
        Path out = interfacesD.resolve("wwan0");
        Cli r = generate(out.toString(), "--pin", "1234");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("readable by root only"), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void should_replace_its_own_file_but_refuse_a_file_it_did_not_write() throws IOException {
        Path own = interfacesD.resolve("wwan0");
        assertEquals(0, generate(own.toString()).exitCode());
        Cli again = generate(own.toString(), "--timeout", "2m");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.readString(own).contains("--timeout 2m"));

        Path users = interfacesD.resolve("wwan1");
        String handMade = "allow-hotplug wwan0\niface wwan0 inet dhcp\n";
        Files.writeString(users, handMade);
        Cli refused = generate(users.toString());
        assertEquals(3, refused.exitCode());
        assertEquals("qmi-conn: " + users + " exists and was not written by qmi-conn: not replacing it "
                + "(use --force to replace it)\n", refused.err());
        assertEquals(handMade, Files.readString(users));

        Cli forced = generate(users.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(users).contains(GeneratedFile.MARKER));
    }

    @Test
    void should_warn_that_source_directory_ignores_a_file_name_with_a_dot() throws IOException {
        Files.writeString(root.resolve("etc/network/interfaces"), "source-directory /etc/network/interfaces.d\n");
        Cli dotted = generate(interfacesD.resolve("wwan0.conf").toString());
        assertEquals(0, dotted.exitCode());
        assertTrue(dotted.err().contains("warning: ") && dotted.err().contains("source-directory, which ignores")
                && dotted.err().contains("source /etc/network/interfaces.d/*"), dotted.err());
        assertTrue(Files.exists(interfacesD.resolve("wwan0.conf")), "a warning does not stop the write");

        Cli plain = generate(interfacesD.resolve("wwan0").toString());
        assertFalse(plain.err().contains("warning"), plain.err());
    }

    @Test
    void should_accept_a_dotted_name_under_a_source_glob_and_a_relative_source_directory() throws IOException {
        Cli globbed = generate(interfacesD.resolve("wwan0.conf").toString());
        assertFalse(globbed.err().contains("warning"), globbed.err());

        Files.writeString(root.resolve("etc/network/interfaces"), "source-directory interfaces.d\n");
        Cli relative = generate(interfacesD.resolve("wwan0").toString());
        assertFalse(relative.err().contains("warning"), relative.err());
    }

    @Test
    void should_warn_when_nothing_sources_the_directory_or_the_file_is_missing() throws IOException {
        Files.writeString(root.resolve("etc/network/interfaces"), "auto lo\niface lo inet loopback\n");
        Cli unsourced = generate(interfacesD.resolve("wwan0").toString());
        assertTrue(unsourced.err().contains("does not source /etc/network/interfaces.d/wwan0"), unsourced.err());

        Files.delete(root.resolve("etc/network/interfaces"));
        Cli missing = generate(interfacesD.resolve("wwan0").toString(), "--force");
        // no interfaces file and no ifup in this root: a system without ifupdown, said plainly
        assertTrue(missing.err().contains("warning: " + InterfacesSourceCheck.NO_IFUPDOWN), missing.err());
    }

    @Test
    void should_warn_when_the_main_file_already_defines_the_interface() throws IOException {
        Files.writeString(root.resolve("etc/network/interfaces"),
                "source /etc/network/interfaces.d/*\nallow-hotplug wwan0\niface wwan0 inet dhcp\n");
        Cli r = generate(interfacesD.resolve("wwan0").toString());
        assertTrue(r.err().contains("already has an 'iface wwan0' stanza"), r.err());
    }

    @Test
    void should_refuse_iface_auto_and_a_guide_stanza_without_apn() {
        Cli auto = Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com", "--iface", "auto");
        assertEquals(3, auto.exitCode());
        assertTrue(auto.err().contains("--iface auto cannot name an interfaces stanza"), auto.err());
        Cli guide = Cli.run("generate", "interfaces", "--style", "guide");
        assertEquals(3, guide.exitCode());
        assertEquals("qmi-conn: --style guide needs --apn (the guide's APN=... line)\n", guide.err());
        Cli style = Cli.run("generate", "interfaces", "--style", "netplan");
        assertEquals(3, style.exitCode());
    }

    @Test
    void should_refuse_a_relative_path_and_a_bad_enum_value() {
        Cli relative = Cli.run("generate", "interfaces", "--state-dir", "run/qmi-conn");
        assertEquals(3, relative.exitCode());
        assertTrue(relative.err().contains("--state-dir") && relative.err().contains("absolute"), relative.err());
        Cli auth = Cli.run("generate", "interfaces", "--auth", "mschap");
        assertEquals(3, auth.exitCode());
        assertEquals("qmi-conn: invalid --auth 'mschap': expected one of [both, chap, none, pap]\n", auth.err());
    }
}
