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

    /**
     * PIN1 as DMS (QmiDmsUimPinStatus) and UIM (QmiUimPinState) both number it: 1 enabled-not-verified,
     * 2 enabled-verified, 3 disabled, 4 blocked.
     */
    int pin1State() {
        return !sim.pinEnabled() ? 3 : pinRetries == 0 ? 4 : verified ? 2 : 1;
    }

    int pinRetries() {
        return pinRetries;
    }

    int pukRetries() {
        return pukRetries;
    }

    /** PIN1's state and both retry counters at one instant, as the card status and PIN replies carry them. */
    record Pins(int pin1State, int pinRetries, int pukRetries) {
    }

    Pins pins() {
        return new Pins(pin1State(), pinRetries, pukRetries);
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
