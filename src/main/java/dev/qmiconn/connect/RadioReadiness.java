package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.time.Duration;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.OperatingMode;
import dev.qmiconn.qmi.model.PinState;
import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;
import dev.qmiconn.qmi.model.UimSlot;

/**
 * Steps 3 and 4 of {@code up}: SIM and PIN, operating mode online, then registration and a usable signal with
 * backoff, bounded by the deadline. This replaces the Metro PCS stanza's two {@code seq 1 10} polling loops.
 */
public final class RadioReadiness {

    /** Below this RSSI nothing usable gets through; 3GPP's CSQ 0 is -113 dBm or less. */
    static final double MIN_USABLE_RSSI_DBM = -110;
    static final Duration FIRST_DELAY = Duration.ofMillis(250);
    static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private final QmiClient qmi;
    private final Pacer.Deadline deadline;
    private final PrintWriter out;

    public RadioReadiness(QmiClient qmi, Pacer.Deadline deadline, PrintWriter out) {
        this.qmi = qmi;
        this.deadline = deadline;
        this.out = out;
    }

    /**
     * Enters the PIN when needed and safe. A SIM still initialising (PIN not-initialized) is waited for; a slot
     * that says {@code absent} or {@code error: ...} (1.16.2 fixture card-error: no-atr-received) is not: the
     * E397u-53 has no hot-swap, so waiting out {@code --timeout} only delays the message. A boot-time caller
     * retries anyway (the unit's Restart=, watch's backoff).
     */
    public void unlockSim(String pin) {
        Duration delay = FIRST_DELAY;
        CardStatus card = qmi.cardStatus();
        noCard(card);
        while (!card.cardPresent() || card.pin1State() == PinState.NOT_INITIALIZED
                || card.pin1State() == PinState.UNKNOWN && card.primaryApplication().isEmpty()) {
            if (deadline.passed()) {
                throw new QmiConnException(ExitCode.SIM_ERROR, card.cardPresent()
                        ? "the SIM did not finish initialising within " + human(deadline.budget())
                        : "no SIM card: insert one (the E397u-53's slot is on its side)");
            }
            progress(card.cardPresent() ? "waiting for the SIM to initialise (PIN " + card.pin1State().qmicli()
                    + ")" : "waiting for the SIM card");
            deadline.sleep(delay);
            delay = next(delay);
            card = qmi.cardStatus();
        }
        switch (card.pin1State()) {
            case ENABLED_NOT_VERIFIED -> enterPin(pin, card.pin1Retries());
            case BLOCKED -> throw new QmiConnException(ExitCode.SIM_ERROR, "the SIM's PIN is blocked ("
                    + card.puk1Retries() + " PUK attempts left): unblock it with the PUK in a phone first");
            case PERMANENTLY_BLOCKED -> throw new QmiConnException(ExitCode.SIM_ERROR,
                    "the SIM is permanently blocked: ask the carrier for a new one");
            default -> {
                // disabled or already verified: nothing to enter
            }
        }
    }

    private static void noCard(CardStatus card) {
        if (card.slots().isEmpty() || card.cardPresent()) {
            return; // nothing read yet, or a card: the wait above decides
        }
        String error = card.slots().stream().map(UimSlot::cardState).filter(st -> st.startsWith("error"))
                .findFirst().orElse(null);
        throw new QmiConnException(ExitCode.SIM_ERROR, error == null
                ? "no SIM card: insert one (the E397u-53's slot is on its side), then run this again"
                : "the SIM card does not answer (card state " + error + "): reseat it, or try another card");
    }

    private void enterPin(String pin, int retries) {
        if (pin == null) {
            throw new QmiConnException(ExitCode.SIM_ERROR, "the SIM needs its PIN (" + retries
                    + " attempts left): give --pin NNNN");
        }
        if (retries <= 1) {
            throw new QmiConnException(ExitCode.SIM_ERROR, "refusing to enter the PIN: only " + retries
                    + " attempt left before the SIM locks (PUK); check the PIN and enter it by hand with "
                    + "qmicli --uim-verify-pin=PIN1,NNNN if you are sure");
        }
        qmi.verifyPin(pin);
        out.println("SIM unlocked with the PIN");
    }

    /** Operating mode online (a modem left in low-power never registers). */
    public void goOnline() {
        OperatingMode mode = qmi.operatingMode();
        if (mode != OperatingMode.ONLINE) {
            qmi.setOperatingMode(OperatingMode.ONLINE);
            out.println("operating mode was " + mode.qmicli() + ", set online");
        }
    }

    /**
     * The common case in one or two qmicli runs: already registered with a usable signal means the SIM is
     * unlocked and the modem online, so SIM, PIN and operating mode need no queries at all.
     */
    public java.util.Optional<Radio> readyNow() {
        return readyNow(null);
    }

    /** As {@link #readyNow()}, with the serving system already asked ({@code asked}; null: ask it). */
    public java.util.Optional<Radio> readyNow(ServingSystem asked) {
        ServingSystem ss = asked != null ? asked : qmi.servingSystem();
        if (!ss.registered()) {
            return java.util.Optional.empty();
        }
        SignalStrength sig = qmi.signalStrength();
        return usable(sig) ? java.util.Optional.of(new Radio(ss, sig)) : java.util.Optional.empty();
    }

    /** Waits, with backoff, until registered with a usable signal. The returned pair is what {@code up} prints. */
    public Radio awaitService() {
        Duration delay = FIRST_DELAY;
        while (true) {
            ServingSystem ss = qmi.servingSystem();
            SignalStrength sig = null;
            if (ss.registered()) {
                sig = qmi.signalStrength();
                if (usable(sig)) {
                    return new Radio(ss, sig);
                }
            }
            progress(waitingFor(ss, sig));
            if (deadline.passed()) {
                throw new QmiConnException(ExitCode.NO_SERVICE, "no usable service after "
                        + human(deadline.budget()) + ": registration " + ss.registration().qmicli()
                        + (sig == null ? "" : ", signal " + Signal.describe(sig))
                        + "; check the antenna, coverage and that the SIM is activated");
            }
            deadline.sleep(delay);
            delay = next(delay);
        }
    }

    /**
     * One line each time what is being waited for changes (searching, registered on LTE but weak, denied, ...),
     * so a user at the console sees progress instead of silence until the timeout; repeats are not printed.
     */
    private void progress(String line) {
        if (!line.equals(lastProgress)) {
            lastProgress = line;
            out.println(line);
            out.flush();
        }
    }

    private String lastProgress = "";

    private static String waitingFor(ServingSystem ss, SignalStrength sig) {
        String tech = ss.radioInterfaces().isEmpty() ? "" : " on " + ss.radioInterfaces().stream()
                .map(RadioInterface::qmicli).reduce((a, b) -> a + "," + b).orElse("");
        if (!ss.registered()) {
            return "waiting for registration: " + ss.registration().qmicli() + tech;
        }
        return "registered" + tech + (ss.plmn() == null ? "" : " (" + ss.plmn().description() + ")")
                + ", waiting for a usable signal" + (sig == null ? "" : ": " + Signal.describe(sig));
    }

    /**
     * What {@link #readyNow} would say from answers already in hand (the service's live view read them moments
     * ago): registered with a usable signal, else empty.
     */
    public static java.util.Optional<Radio> readyFrom(ServingSystem ss, SignalStrength sig) {
        return ss != null && sig != null && ss.registered() && usable(sig) ? java.util.Optional.of(new Radio(ss, sig))
                : java.util.Optional.empty();
    }

    static boolean usable(SignalStrength sig) {
        return sig.current() != null && sig.current().network() != RadioInterface.NONE
                && sig.current().value() >= MIN_USABLE_RSSI_DBM;
    }

    static boolean searching(ServingSystem ss) {
        return ss.registration() == RegistrationState.NOT_REGISTERED_SEARCHING;
    }

    private static Duration next(Duration d) {
        Duration n = d.multipliedBy(2);
        return n.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : n;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Serving system and signal as seen when service became usable. */
    public record Radio(ServingSystem servingSystem, SignalStrength signal) {
    }
}
