package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.testing.RealTools;

/**
 * {@code qmi-conn up --method at} / {@code down --method at}: the AT flow behind the main commands, with DNS in
 * resolv.conf.head through the QMI path's writer; wwan0 is a veth in a namespace this test owns.
 */
@RealTools({"socat", "stty", "ip"})
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AtUpDownRealToolsTest {

    private WwanNamespace wwan;

    @TempDir
    Path root;

    @BeforeEach
    void createNamespace() {
        wwan = new WwanNamespace();
    }

    @AfterEach
    void deleteNamespace() {
        if (wwan != null) {
            wwan.close();
        }
    }

    private String addresses() {
        return wwan.ip("-4", "addr", "show", "dev", "wwan0");
    }

    @Test
    void should_bring_wwan0_up_with_dns_and_take_it_down_again() throws IOException {
        Path head = root.resolve("resolv.conf.head");
        Files.writeString(head, "#OpenDns Servers\nnameserver 1.1.1.1\n");
        String[] files = {"--root", root.toString(), "--resolv-head", head.toString(),
            "--resolv-conf", root.resolve("resolv.conf").toString(), "--state-dir", root.resolve("run").toString()};
        try (AtPty pty = new AtPty(wwan.exec, root, "ttyUSB0", AtScenario.e397u53())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path conf = root.resolve("resolv.conf");
            Files.writeString(conf, "nameserver 192.168.1.1\n");
            int up = wwan.qmiConn(out, err, concat(new String[] {"up", "--method", "at", "--apn", "fp.com.attz",
                "--dns", "dhcpcd"}, files));
            assertEquals(0, up, err.toString());
            assertEquals("wwan0 is up over the AT port: 10.0.0.1/30 via 10.0.0.2, DNS 8.8.8.8 8.8.4.4\n"
                    + "dhcpcd: 8.8.8.8 8.8.4.4 are in " + head + " and " + conf + " (dhcpcd's hook copies "
                    + "resolv.conf.head into every resolv.conf it writes)\n", out.toString());
            assertTrue(Files.readString(conf).contains("nameserver 8.8.8.8\n"), Files.readString(conf));
            assertTrue(addresses().contains("inet 10.0.0.1/30 "));
            assertEquals("#OpenDns Servers\nnameserver 1.1.1.1\n"
                    + "# BEGIN qmi-conn at-wwan0 (managed by qmi-conn up/down; edit outside this block)\n"
                    + "nameserver 8.8.8.8\nnameserver 8.8.4.4\n# END qmi-conn at-wwan0\n", Files.readString(head));

            int down = wwan.qmiConn(new StringWriter(), err, concat(new String[] {"down", "--method", "at"}, files));
            assertEquals(0, down, err.toString());
            assertFalse(pty.emulator.modem().sessionUp());
            assertFalse(addresses().contains("inet "));
            assertEquals("#OpenDns Servers\nnameserver 1.1.1.1\n", Files.readString(head));
            assertEquals("nameserver 192.168.1.1\n", Files.readString(conf));
        }
    }

    @Test
    void should_refuse_an_unknown_method() {
        StringWriter err = new StringWriter();
        assertEquals(3, wwan.qmiConn(new StringWriter(), err, "up", "--method", "ppp", "--apn", "x"));
        assertEquals("qmi-conn: invalid --method 'ppp': qmi or at\n", err.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
