package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.doctor.Hardware.ControlDevice;
import dev.qmiconn.doctor.ModemStatus.CardStatus;
import dev.qmiconn.doctor.ModemStatus.ServingSystem;
import dev.qmiconn.doctor.ModemStatus.SignalStrength;
import dev.qmiconn.process.CommandResult;

/**
 * Asks the modem itself, with the real qmicli: SIM and PIN, registration, signal. Runs only when a control
 * device on qmi_wwan (or with no driver link, as in some containers) and qmicli are there. When ModemManager or
 * qmi-proxy runs, every call goes through the proxy ({@code -p}) so doctor does not disturb them.
 */
final class ModemChecks {

    private ModemChecks() {
    }

    static List<Finding> run(Probe p) {
        Optional<ControlDevice> selected = p.selectedDevice();
        if (!p.options().queryModem() || selected.isEmpty() || !selected.get().devNode()
                || !p.hasProgram("qmicli")
                || !(selected.get().driver().equals("qmi_wwan") || selected.get().driver().isEmpty())) {
            return List.of();
        }
        String dev = selected.get().devPath();
        boolean proxy = !Processes.named(p.sys(), "ModemManager").isEmpty()
                || !Processes.named(p.sys(), "qmi-proxy").isEmpty();
        List<Finding> out = new ArrayList<>();
        CommandResult card = qmicli(p, dev, proxy, "--uim-get-card-status");
        if (silent(card)) {
            out.add(Finding.fail("modem-answers", dev + " did not answer qmicli (" + reason(card) + ")",
                    proxy ? "sudo systemctl restart ModemManager   (then run doctor again)"
                            : "unplug and replug the modem, then: qmicli -d " + dev + " --dms-get-ids"));
            return out;
        }
        out.add(sim(dev, card));
        out.add(registration(dev, qmicli(p, dev, proxy, "--nas-get-serving-system")));
        out.add(signal(dev, qmicli(p, dev, proxy, "--nas-get-signal-strength")));
        return out;
    }

    private static CommandResult qmicli(Probe p, String dev, boolean proxy, String action) {
        return proxy ? p.run("qmicli", "-d", dev, "-p", action) : p.run("qmicli", "-d", dev, action);
    }

    /** No reply at all (as opposed to a QMI error, which proves the modem is there). */
    private static boolean silent(CommandResult r) {
        return r.timedOut() || r.stderr().contains("Transaction timed out") || r.stderr().contains("endpoint hangup")
                || r.stderr().contains("couldn't open the QmiDevice") || r.exitCode() == 127;
    }

    private static String reason(CommandResult r) {
        if (r.timedOut()) {
            return "no reply in time";
        }
        return r.stderr().lines().filter(l -> l.startsWith("error:")).findFirst()
                .orElse("exit " + r.exitCode()).replaceFirst("^error: ", "");
    }

    static Finding sim(String dev, CommandResult r) {
        Optional<CardStatus> parsed = r.succeeded() ? CardStatus.parse(r.stdout()) : Optional.empty();
        if (parsed.isEmpty()) {
            return Finding.warn("sim", "could not read the SIM state (" + reason(r) + ")",
                    "qmicli -d " + dev + " --uim-get-card-status");
        }
        CardStatus c = parsed.get();
        if (!c.cardState().equals("present")) {
            return Finding.fail("sim", "no usable SIM: card state '" + c.cardState() + "'",
                    "unplug the modem, insert the SIM firmly, plug it back in");
        }
        String pin = c.pin1State().orElse("unknown");
        String retries = c.pin1Retries().isPresent() ? ", " + c.pin1Retries().getAsInt() + " PIN tries left" : "";
        return switch (pin) {
            case "disabled", "enabled-verified" -> Finding.ok("sim", "SIM present, PIN " + pin
                    + c.applicationState().map(a -> ", application " + a).orElse(""));
            case "enabled-not-verified" -> Finding.fail("sim", "the SIM wants its PIN" + retries,
                    "qmicli -d " + dev + " --uim-verify-pin=PIN1,YOUR-PIN");
            case "blocked" -> Finding.fail("sim", "the PIN is blocked: the SIM wants its PUK"
                    + (c.puk1Retries().isPresent() ? " (" + c.puk1Retries().getAsInt() + " tries left)" : ""),
                    "qmicli -d " + dev + " --uim-unblock-pin=PIN1,YOUR-PUK,NEW-PIN");
            case "permanently-blocked" -> Finding.fail("sim", "the SIM is permanently blocked",
                    "ask the carrier for a new SIM");
            default -> Finding.warn("sim", "SIM present, PIN state '" + pin + "' (still initialising?)",
                    "wait a few seconds, then run qmi-conn doctor again");
        };
    }

    static Finding registration(String dev, CommandResult r) {
        Optional<ServingSystem> parsed = r.succeeded() ? ServingSystem.parse(r.stdout()) : Optional.empty();
        if (parsed.isEmpty()) {
            return Finding.warn("registration", "could not read the serving system (" + reason(r) + ")",
                    "qmicli -d " + dev + " --nas-get-serving-system");
        }
        ServingSystem s = parsed.get();
        String radio = s.radioInterfaces().isEmpty() ? "" : ", " + String.join("/", s.radioInterfaces());
        return switch (s.registration()) {
            case "registered" -> Finding.ok("registration", "registered on "
                    + s.operator().map(o -> "'" + o + "'").orElse("the network")
                    + s.mcc().map(mcc -> " (" + mcc + "/" + s.mnc().orElse("?") + ")").orElse("") + radio
                    + s.roaming().map(ro -> ", roaming " + ro).orElse(""));
            case "not-registered-searching" -> Finding.warn("registration", "searching for a network" + radio,
                    "wait a minute (check the antenna and coverage), then run qmi-conn doctor again");
            case "registration-denied" -> Finding.fail("registration", "the network denied registration "
                    + "(SIM not activated, or no plan for this network)", "ask the carrier to activate the SIM");
            default -> Finding.fail("registration", "not registered ('" + s.registration() + "')",
                    "qmicli -d " + dev + " --dms-set-operating-mode=online   (if --dms-get-operating-mode "
                            + "is not 'online')");
        };
    }

    /** Rough bars: RSSI below -100 dBm or LTE RSRP below -115 dBm makes a slow, dropping link. */
    static Finding signal(String dev, CommandResult r) {
        Optional<SignalStrength> parsed = r.succeeded() ? SignalStrength.parse(r.stdout()) : Optional.empty();
        if (parsed.isEmpty()) {
            return Finding.warn("signal", "could not read the signal strength (" + reason(r) + ")",
                    "qmicli -d " + dev + " --nas-get-signal-strength");
        }
        SignalStrength s = parsed.get();
        String text = s.network() + " " + s.strengthDbm() + " dBm"
                + (s.rsrpDbm().isPresent() ? " (RSRP " + s.rsrpDbm().getAsInt() + " dBm)" : "");
        if (s.network().equals("none") || s.network().equals("unknown")) {
            return Finding.fail("signal", "no signal (" + text + ")", "check the antenna and coverage");
        }
        boolean weak = s.strengthDbm() < -100 || (s.rsrpDbm().isPresent() && s.rsrpDbm().getAsInt() < -115);
        return weak ? Finding.warn("signal", "weak signal: " + text,
                "move the modem (a USB extension cable helps) or add an external antenna")
                : Finding.ok("signal", text);
    }
}
