package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.qmiconn.doctor.Hardware.ControlDevice;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.QmicliException;
import dev.qmiconn.qmi.QmicliFailure.Kind;
import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;
import dev.qmiconn.qmi.model.UimApplication;

/**
 * Asks the modem itself through {@link QmiClient} (the real qmicli): SIM and PIN, registration, signal. Runs
 * only when qmicli and a control device on qmi_wwan (or with no driver link, as in some containers) are there.
 * When ModemManager or qmi-proxy runs, every call goes through the proxy ({@code -p}) so doctor does not
 * disturb them.
 */
final class ModemChecks {

    /** Failures that mean nobody answered, as opposed to a QMI error, which proves the modem is there. */
    private static final Set<Kind> SILENT = EnumSet.of(Kind.TIMED_OUT, Kind.TRANSACTION_TIMEOUT,
            Kind.ENDPOINT_HANGUP, Kind.DEVICE_MISSING, Kind.MODE_UNKNOWN, Kind.PROGRAM_MISSING);

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
        QmiClient client = p.qmiClient(dev, proxy);
        List<Finding> out = new ArrayList<>();
        boolean simReady = false;
        try {
            Finding sim = sim(dev, client.cardStatus());
            simReady = sim.result() == Result.OK;
            out.add(sim);
        } catch (QmiConnException e) {
            if (e instanceof QmicliException q && SILENT.contains(q.kind())) {
                out.add(Finding.fail("modem-answers", dev + " did not answer qmicli (" + reason(e) + ")",
                        proxy ? "sudo systemctl restart ModemManager   (then run qmi-conn doctor again)"
                                : "unplug and replug the modem, then: qmicli -d " + dev + " --dms-get-ids"));
                return out;
            }
            out.add(couldNotRead("sim", "the SIM state", dev, "--uim-get-card-status", e));
        }
        ServingSystem[] serving = new ServingSystem[1];
        out.add(ask("registration", "the serving system", dev, "--nas-get-serving-system",
                () -> serving[0] = client.servingSystem(), s -> registration(dev, s)));
        out.add(ask("signal", "the signal strength", dev, "--nas-get-signal-strength", client::signalStrength,
                ModemChecks::signal));
        if (simReady) {
            out.add(ApnCheck.apn(p.sys(), dev, client, serving[0]));
        }
        return out;
    }

    private static <T> Finding ask(String id, String what, String dev, String action, Supplier<T> call,
                                   Function<T, Finding> judge) {
        try {
            return judge.apply(call.get());
        } catch (QmiConnException e) {
            return couldNotRead(id, what, dev, action, e);
        }
    }

    private static Finding couldNotRead(String id, String what, String dev, String action, QmiConnException e) {
        return Finding.warn(id, "could not read " + what + " (" + reason(e) + ")", "qmicli -d " + dev + " " + action);
    }

    /** qmicli's own error line when there is one, else the whole message. */
    private static String reason(QmiConnException e) {
        if (e instanceof QmicliException q) {
            String line = q.failure().errorLine();
            if (line != null && !line.isBlank()) {
                return line.replaceFirst("^error: ", "");
            }
        }
        return e.getMessage();
    }

    static Finding sim(String dev, CardStatus c) {
        if (!c.cardPresent()) {
            String state = c.slots().isEmpty() ? "no slot reported" : "card state '" + c.slots().get(0).cardState()
                    + "'";
            return Finding.fail("sim", "no usable SIM: " + state,
                    "unplug the modem, insert the SIM firmly, plug it back in");
        }
        String app = c.primaryApplication().map(UimApplication::state).map(s -> ", application " + s).orElse("");
        return switch (c.pin1State()) {
            case DISABLED, ENABLED_VERIFIED -> Finding.ok("sim", "SIM present, PIN " + c.pin1State().qmicli() + app);
            case ENABLED_NOT_VERIFIED -> Finding.fail("sim", "the SIM wants its PIN, " + c.pin1Retries()
                    + " PIN tries left", "qmi-conn up --pin YOUR-PIN   (or: qmicli -d " + dev
                    + " --uim-verify-pin=PIN1,YOUR-PIN)");
            case BLOCKED -> Finding.fail("sim", "the PIN is blocked: the SIM wants its PUK (" + c.puk1Retries()
                    + " tries left)", "qmicli -d " + dev + " --uim-unblock-pin=PIN1,YOUR-PUK,NEW-PIN");
            case PERMANENTLY_BLOCKED -> Finding.fail("sim", "the SIM is permanently blocked",
                    "ask the carrier for a new SIM");
            default -> Finding.warn("sim", "SIM present, PIN state '" + c.pin1State().qmicli()
                    + "' (still initialising?)", "wait a few seconds, then run qmi-conn doctor again");
        };
    }

    static Finding registration(String dev, ServingSystem s) {
        String radio = s.radioInterfaces().isEmpty() ? "" : ", " + s.radioInterfaces().stream()
                .map(RadioInterface::qmicli).collect(Collectors.joining("/"));
        String roaming = s.roaming() == null ? "" : ", roaming " + (s.roaming() ? "on" : "off");
        return switch (s.registration()) {
            case REGISTERED -> Finding.ok("registration", "registered on "
                    + (s.plmn() == null ? "the network" : "'" + s.plmn().description() + "' (" + s.plmn().mcc() + "/"
                    + s.plmn().mnc() + ")") + radio + roaming);
            case NOT_REGISTERED_SEARCHING -> Finding.warn("registration", "searching for a network" + radio,
                    "wait a minute (check the antenna and coverage), then run qmi-conn doctor again");
            case REGISTRATION_DENIED -> Finding.fail("registration", "the network denied registration "
                    + "(SIM not activated, or no plan for this network)", "ask the carrier to activate the SIM");
            default -> Finding.fail("registration", "not registered ('" + s.registration().qmicli() + "')",
                    "qmicli -d " + dev + " --dms-set-operating-mode=online   (if --dms-get-operating-mode "
                            + "is not 'online')");
        };
    }

    /** Rough bars: RSSI below -100 dBm or LTE RSRP below -115 dBm makes a slow, dropping link. */
    static Finding signal(SignalStrength s) {
        RadioInterface net = s.current().network();
        int dbm = (int) Math.round(s.current().value());
        String text = net.qmicli() + " " + dbm + " dBm"
                + (s.rsrp() == null ? "" : " (RSRP " + Math.round(s.rsrp().value()) + " dBm)");
        if (net == RadioInterface.NONE || net == RadioInterface.UNKNOWN) {
            return Finding.fail("signal", "no signal (" + text + ")", "check the antenna and coverage");
        }
        boolean weak = dbm < -100 || (s.rsrp() != null && s.rsrp().value() < -115);
        return weak ? Finding.warn("signal", "weak signal: " + text,
                "move the modem (a USB extension cable helps) or add an external antenna")
                : Finding.ok("signal", text);
    }
}
