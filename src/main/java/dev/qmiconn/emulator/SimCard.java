package dev.qmiconn.emulator;

/** The SIM's PIN1 as the card keeps it: verified until power-off, a wrong PIN costs a retry, none left blocks. */
final class SimCard {

    private final Sim sim;
    private boolean verified;
    private int pinRetries;
    private int pukRetries;

    SimCard(Sim sim) {
        this.sim = sim;
        powerOn();
    }

    void powerOn() {
        verified = !sim.pinEnabled();
        pinRetries = sim.pinRetries();
        pukRetries = sim.pukRetries();
    }

    /** Present and unlocked: the modem may register. */
    boolean ready() {
        return sim.present() && verified;
    }

    boolean verified() {
        return verified;
    }

    int pinRetries() {
        return pinRetries;
    }

    int pukRetries() {
        return pukRetries;
    }

    QmiError verify(String pin) {
        if (!sim.present()) {
            return QmiError.NO_SIM;
        }
        if (!sim.pinEnabled()) {
            return QmiError.NO_EFFECT;
        }
        if (pinRetries == 0) {
            return QmiError.PIN_BLOCKED;
        }
        if (sim.pin().equals(pin)) {
            verified = true;
            pinRetries = sim.pinRetries();
            return QmiError.NONE;
        }
        pinRetries--;
        return pinRetries == 0 ? QmiError.PIN_BLOCKED : QmiError.INCORRECT_PIN;
    }
}
