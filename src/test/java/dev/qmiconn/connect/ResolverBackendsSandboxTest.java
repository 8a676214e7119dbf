package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.testing.RealTools;

/**
 * {@code up --dns auto} and {@code down} against the resolver managers' own scripts from Debian 12's packages
 * (openresolv 3.12, resolvconf 1.91, dhcpcd-base 9.4's 20-resolv.conf hook), never installed on this machine:
 * bin/setup downloads the .debs, {@code dpkg-deb -x} unpacks them into the sandbox, and read-only overlays put
 * them at /usr/sbin and /usr/lib inside its private mount namespace, where /etc and /run are the sandbox's own.
 * The proof is name resolution through the Pi's resolver: {@code getent hosts} of the name only the modem-side DNS
 * answers works after up and fails after down.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare", "dpkg-deb", "getent"})
class ResolverBackendsSandboxTest {

    static final Path DEBS = Path.of(".cache/resolver-debs");
    private static final String APN = "fast.metropcs.com";
    /** A server nobody answers (TEST-NET-1), tried quickly: only the modem's servers can resolve the name. */
    private static final String DEAD_SERVER = "nameserver 192.0.2.53\noptions timeout:1 attempts:1\n";

    /** The package's .deb from bin/setup; without it the test is skipped (a failure with CI=true). */
    static Path deb(String pkg) throws IOException {
        Path found = null;
        if (Files.isDirectory(DEBS)) {
            try (Stream<Path> s = Files.list(DEBS)) {
                found = s.filter(p -> p.getFileName().toString().startsWith(pkg + "_")).findFirst().orElse(null);
            }
        }
        if (found == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and no " + pkg + " .deb in " + DEBS + ": run bin/setup");
        }
        Assumptions.assumeTrue(found != null, "no " + pkg + " .deb in " + DEBS + ": run bin/setup");
        return found.toAbsolutePath();
    }

    /** Unpacks the package into the sandbox's /tmp/PKG (from the host side) and returns that inside path. */
    private static String unpack(SandboxedQmiConn box, String pkg) throws IOException {
        Path to = box.sandbox.tmpDir().resolve(pkg);
        CommandResult r = new ExecRunner().run(CommandSpec.of("dpkg-deb", "-x", deb(pkg).toString(), to.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        return "/tmp/" + pkg;
    }

    /** A read-only overlay putting {@code layer}'s files over {@code target}, inside the sandbox only. */
    private static void overlay(SandboxedQmiConn box, String layer, String target) {
        box.run("mount", "-t", "overlay", "qmi-conn-test", "-o", "lowerdir=" + layer + ":" + target, target);
    }

    private static boolean resolves(SandboxedQmiConn box) {
        CommandResult r = box.sandbox.exec(List.of("getent", "hosts", Sandbox.CARRIER_ONLY_NAME), Duration.ofSeconds(20));
        return r.exitCode() == 0 && r.stdout().startsWith(Sandbox.CARRIER_ONLY_ADDRESS + " ");
    }

    private static void writeInside(SandboxedQmiConn box, String path, String content) throws IOException {
        Path tmp = box.sandbox.tmpDir().resolve("content-" + Math.abs(path.hashCode()));
        Files.writeString(tmp, content);
        box.run("cp", "/tmp/" + tmp.getFileName(), path);
    }

    private static String heldBy(SandboxedQmiConn box) {
        CommandResult r = box.qmiConn("status", "--json");
        assertEquals(0, r.exitCode(), show(r));
        int i = r.stdout().indexOf("\"dns_held_by\" : \"");
        return i < 0 ? "" : r.stdout().substring(i + 17, r.stdout().indexOf('"', i + 17));
    }

    /** {@code writer}: the first line the manager writes into /etc/resolv.conf while the session is up. */
    private static void upResolveDownGone(SandboxedQmiConn box, String said, String holder, String writer) {
        assertFalse(resolves(box), "nothing answers the carrier-only name before up");
        CommandResult up = box.qmiConn("up", "--apn", APN, "--timeout", "20s");
        assertEquals(0, up.exitCode(), show(up));
        assertTrue(up.stdout().contains(said), up.stdout());
        assertTrue(resolves(box), "the modem's DNS answers through the Pi's resolver");
        assertEquals(holder, heldBy(box));
        assertTrue(box.run("cat", "/etc/resolv.conf").startsWith(writer), box.run("cat", "/etc/resolv.conf"));

        CommandResult down = box.qmiConn("down");
        assertEquals(0, down.exitCode(), show(down));
        assertFalse(resolves(box), "the modem's servers are gone from the resolver");
        assertEquals(0, box.sandbox.emulator().liveClientIds());
    }

    @Test
    void should_hand_openresolv_a_record_that_its_libc_subscriber_writes_and_delete_it() throws IOException {
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            String pkg = unpack(box, "openresolv");
            overlay(box, pkg + "/sbin", "/usr/sbin");
            overlay(box, pkg + "/lib", "/usr/lib");
            box.run("cp", pkg + "/etc/resolvconf.conf", "/etc/resolvconf.conf");
            writeInside(box, "/etc/resolv.conf", DEAD_SERVER);

            upResolveDownGone(box, "openresolv has 10.177.0.34 10.177.0.210 as record wwan0.qmi-conn",
                    "openresolv record wwan0.qmi-conn", "# Generated by resolvconf");
        }
    }

    @Test
    void should_hand_debians_resolvconf_a_record_that_reaches_the_linked_resolv_conf_and_delete_it()
            throws IOException {
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            String pkg = unpack(box, "resolvconf");
            overlay(box, pkg + "/sbin", "/usr/sbin");
            overlay(box, pkg + "/lib", "/usr/lib");
            // what its postinst and resolvconf.service do on a real system
            box.run("cp", "-a", pkg + "/etc/resolvconf", "/etc/");
            writeInside(box, "/etc/resolvconf/resolv.conf.d/base", DEAD_SERVER);
            box.run("mkdir", "-p", "/run/resolvconf/interface");
            box.run("ln", "-sfn", "/run/resolvconf/resolv.conf", "/etc/resolv.conf");
            box.run("resolvconf", "--enable-updates");

            upResolveDownGone(box, "Debian's resolvconf has 10.177.0.34 10.177.0.210 as record wwan0.qmi-conn",
                    "Debian's resolvconf record wwan0.qmi-conn",
                    "# Dynamic resolv.conf(5) file for glibc resolver(3) generated by resolvconf(8)");
            assertEquals("/run/resolvconf/resolv.conf", box.run("readlink", "/etc/resolv.conf").strip());
        }
    }

    @Test
    void should_keep_the_servers_through_dhcpcds_own_rewrite_of_resolv_conf() throws IOException {
        try (SandboxedQmiConn box = new SandboxedQmiConn("e397u-53")) {
            String pkg = unpack(box, "dhcpcd-base");
            // only the run-hooks script and its resolv.conf hook (30-hostname would rename the machine)
            Path hooks = box.sandbox.tmpDir().resolve("dhcpcd-lib/dhcpcd/dhcpcd-hooks");
            Files.createDirectories(hooks);
            Path unpacked = box.sandbox.tmpDir().resolve("dhcpcd-base/usr/lib/dhcpcd");
            Files.copy(unpacked.resolve("dhcpcd-run-hooks"), hooks.getParent().resolve("dhcpcd-run-hooks"));
            Files.copy(unpacked.resolve("dhcpcd-hooks/20-resolv.conf"), hooks.resolve("20-resolv.conf"));
            overlay(box, "/tmp/dhcpcd-lib", "/usr/lib");
            writeInside(box, "/etc/resolv.conf.head", "#OpenDns Servers\n");
            writeInside(box, "/etc/resolv.conf", "# Generated by dhcpcd from eth0.dhcp\n" + DEAD_SERVER);

            CommandResult up = box.qmiConn("up", "--apn", APN, "--timeout", "20s");
            assertEquals(0, up.exitCode(), show(up));
            assertTrue(up.stdout().contains("dhcpcd: 10.177.0.34 10.177.0.210 are in /etc/resolv.conf.head and "
                    + "/etc/resolv.conf"), up.stdout());
            assertTrue(resolves(box), "the block in resolv.conf answers at once");

            // dhcpcd's next event on its own interface rebuilds resolv.conf from the head and its leases
            List<String> event = new ArrayList<>(List.of("env", "reason=BOUND", "interface=eth0", "protocol=dhcp",
                    "if_up=true", "if_configured=true", "new_domain_name_servers=192.0.2.53", "skip_hooks=hostname",
                    "sh", "/usr/lib/dhcpcd/dhcpcd-run-hooks"));
            box.run(event.toArray(String[]::new));
            String rewritten = box.run("cat", "/etc/resolv.conf");
            assertTrue(rewritten.startsWith("# Generated by dhcpcd"), rewritten);
            assertTrue(rewritten.contains("nameserver 10.177.0.34\n"), rewritten);
            assertTrue(resolves(box), "the head carried the servers through dhcpcd's rewrite");

            CommandResult down = box.qmiConn("down");
            assertEquals(0, down.exitCode(), show(down));
            assertEquals("#OpenDns Servers\n", box.run("cat", "/etc/resolv.conf.head"));
            assertFalse(box.run("cat", "/etc/resolv.conf").contains("10.177.0.34"));
        }
    }
}
