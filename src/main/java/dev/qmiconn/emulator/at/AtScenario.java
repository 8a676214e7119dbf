package dev.qmiconn.emulator.at;

import java.time.Duration;
import java.util.Set;

import dev.qmiconn.at.DhcpSettings;

/**
 * How an emulated Huawei AT port behaves. {@link #e397u53()} is the FreedomPOP guide's modem: echo on (factory
 * ATE1), SIM ready, registered on AT&T LTE, the guide's ^DHCP answer. Tests derive variants with the withers.
 *
 * @param echo            initial ATE state
 * @param sim             SIM state the modem reports
 * @param registered      whether +COPS? names an operator (NDISDUP fails with CME 30 otherwise)
 * @param rssi            the +CSQ value (99 = unknown)
 * @param apns            APNs the network accepts; others end the call with cause 33
 * @param connectDelay    time from NDISDUP OK until the session is up
 * @param replyDelay      extra time before every reply (a slow or busy modem)
 * @param silent          command prefixes the modem never answers (upper case, e.g. {@code AT+COPS})
 * @param unsolicited     whether ^BOOT/^RSSI reports are interleaved with replies
 * @param dhcp            what AT^DHCP? reports once connected
 * @param unsupported     command prefixes this firmware answers with COMMAND NOT SUPPORT (e.g. {@code AT^NDISSTATQRY})
 */
public record AtScenario(boolean echo, Sim sim, boolean registered, int rssi, Set<String> apns,
                         Duration connectDelay, Duration replyDelay, Set<String> silent, boolean unsolicited,
                         DhcpSettings dhcp, Set<String> unsupported) {

    /** What the SIM says. */
    public enum Sim { READY, ABSENT, PIN_REQUIRED }

    public static AtScenario e397u53() {
        return new AtScenario(true, Sim.READY, true, 18, Set.of("fp.com.attz", "fast.metropcs.com"),
                Duration.ofMillis(300), Duration.ZERO, Set.of(), true,
                new DhcpSettings("10.0.0.1", "255.255.255.252", "10.0.0.2", "10.0.0.2", "8.8.8.8", "8.8.4.4",
                        100_000_000L, 50_000_000L), Set.of());
    }

    public AtScenario withEcho(boolean on) {
        return new AtScenario(on, sim, registered, rssi, apns, connectDelay, replyDelay, silent, unsolicited, dhcp,
                unsupported);
    }

    public AtScenario withSim(Sim s) {
        return new AtScenario(echo, s, registered, rssi, apns, connectDelay, replyDelay, silent, unsolicited, dhcp,
                unsupported);
    }

    public AtScenario withRegistered(boolean r) {
        return new AtScenario(echo, sim, r, rssi, apns, connectDelay, replyDelay, silent, unsolicited, dhcp,
                unsupported);
    }

    public AtScenario withReplyDelay(Duration d) {
        return new AtScenario(echo, sim, registered, rssi, apns, connectDelay, d, silent, unsolicited, dhcp,
                unsupported);
    }

    public AtScenario withConnectDelay(Duration d) {
        return new AtScenario(echo, sim, registered, rssi, apns, d, replyDelay, silent, unsolicited, dhcp,
                unsupported);
    }

    public AtScenario withSilent(String... prefixes) {
        return new AtScenario(echo, sim, registered, rssi, apns, connectDelay, replyDelay, Set.of(prefixes),
                unsolicited, dhcp, unsupported);
    }

    public AtScenario withUnsolicited(boolean on) {
        return new AtScenario(echo, sim, registered, rssi, apns, connectDelay, replyDelay, silent, on, dhcp,
                unsupported);
    }

    public AtScenario withUnsupported(String... prefixes) {
        return new AtScenario(echo, sim, registered, rssi, apns, connectDelay, replyDelay, silent, unsolicited, dhcp,
                Set.of(prefixes));
    }
}
