package dev.qmiconn.connect;

import static dev.qmiconn.connect.SandboxedQmiConn.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.emulator.Data;
import dev.qmiconn.emulator.EmulatedModem.SessionSettings;
import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.testing.RealTools;

/**
 * {@code up --ip-type 4 | 6 | 4v6} with the real qmicli against the emulator's raw-ip scenario, whose modem
 * holds one call per IP family and answers each WDS client for the family it is bound to (as Qualcomm modems
 * do). 4v6 is two clients, each bound with {@code --wds-set-ip-family}; the IPv6 address, gateway and DNS come
 * from the IPv6 client's current settings; status shows both families; down stops both calls and releases both
 * clients.
 */
@RealTools({"qmicli", "socat", "dnsmasq", "udhcpc", "ip", "nsenter", "unshare"})
class DualStackSandboxTest {

    private static final Data DATA = Scenario.load("raw-ip").data();

    private static JsonNode status(SandboxedQmiConn box) throws Exception {
        CommandResult r = box.qmiConn("status", "--json");
        assertEquals(0, r.exitCode(), show(r));
        return new ObjectMapper().readTree(r.stdout());
    }

    private static void down(SandboxedQmiConn box) {
        assertEquals(0, box.qmiConn("down").exitCode());
        assertEquals(0, box.sandbox.emulator().liveSessions(), "no call left up");
        assertEquals(0, box.sandbox.emulator().liveClientIds(), "no client id left allocated");
        assertFalse(box.run("ip", "-6", "addr", "show", "dev", "wwan0").contains(DATA.ipv6().address()));
        String resolv = box.run("cat", "/etc/resolv.conf");
        assertFalse(resolv.contains(DATA.ipv4().dns1()) || resolv.contains(DATA.ipv6().dns1()),
                "the modem's servers are gone: " + resolv);
    }

    @Test
    void should_bring_up_4_then_6_then_both_and_take_each_down() throws Exception {
        try (SandboxedQmiConn box = new SandboxedQmiConn("raw-ip")) {
            CommandResult four = box.qmiConn("up", "--apn", "internet", "--ip-type", "4", "--timeout", "20s");
            assertEquals(0, four.exitCode(), show(four));
            assertEquals(1, box.sandbox.emulator().liveSessions());
            JsonNode s4 = status(box);
            assertEquals(DATA.ipv4().address(), s4.at("/ip/address").asText());
            assertTrue(s4.at("/ip/ipv6_address").isNull(), s4.toString());
            down(box);

            CommandResult six = box.qmiConn("up", "--apn", "internet", "--ip-type", "6", "--timeout", "20s");
            assertEquals(0, six.exitCode(), show(six));
            assertTrue(box.run("ip", "-6", "route", "show", "default", "dev", "wwan0").contains(DATA.ipv6().gateway()));
            JsonNode s6 = status(box);
            assertEquals("connected", s6.get("connection").asText(), "asked on the IPv6 client, bound to IPv6");
            assertEquals(DATA.ipv6().address(), s6.at("/ip/ipv6_address").asText());
            assertTrue(s6.at("/ip/address").isNull(), s6.toString());
            CommandResult text = box.qmiConn("status");
            assertFalse(text.stdout().contains("null"), "an IPv6-only status prints no null: " + text.stdout());
            down(box);

            CommandResult both = box.qmiConn("up", "--apn", "internet", "--ip-type", "4v6", "--timeout", "20s");
            assertEquals(0, both.exitCode(), show(both));
            assertEquals(2, box.sandbox.emulator().liveSessions(), "one call per family");
            SessionSettings v4 = box.sandbox.emulator().session().orElseThrow();
            assertTrue(box.run("ip", "-4", "addr", "show", "dev", "wwan0").contains("inet " + v4.address() + "/"));
            assertTrue(box.run("ip", "-6", "addr", "show", "dev", "wwan0")
                    .contains(DATA.ipv6().address() + "/" + DATA.ipv6().prefix()));
            assertTrue(box.run("ip", "-6", "route", "show", "default", "dev", "wwan0").contains(DATA.ipv6().gateway()));
            String resolv = box.run("cat", "/etc/resolv.conf");
            for (String ns : List.of(DATA.ipv4().dns1(), DATA.ipv6().dns1(), DATA.ipv6().dns2())) {
                assertTrue(resolv.contains("nameserver " + ns), resolv);
            }
            JsonNode s46 = status(box);
            assertEquals(DATA.ipv4().address(), s46.at("/ip/address").asText());
            assertEquals(DATA.ipv6().address(), s46.at("/ip/ipv6_address").asText());
            assertEquals(2, s46.at("/session/cids").size(), s46.toString());
            assertTrue(s46.at("/ip/dns").toString().contains(DATA.ipv6().dns1()), s46.toString());
            down(box);
        }
    }
}
