package dev.qmiconn.emulator;

/**
 * The SIM card and its PIN1.
 *
 * @param present     false: no card (UIM card state absent)
 * @param pinEnabled  true: PIN1 must be verified after each power-on before the modem registers
 * @param pin         the PIN that works
 * @param pinRetries  verify attempts left at power-on
 * @param pukRetries  unblock attempts left
 */
public record Sim(Boolean present, boolean pinEnabled, String pin, Integer pinRetries, Integer pukRetries) {

    static final Sim DEFAULT = new Sim(true, false, null, null, null);

    public Sim {
        present = present == null ? Boolean.TRUE : present;
        pin = pin == null ? "1234" : pin;
        pinRetries = pinRetries == null ? 3 : pinRetries;
        pukRetries = pukRetries == null ? 10 : pukRetries;
    }
}
