package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.emulator.EmulatedModem;

/** Starts the modem the sandbox plugs in: the QMI emulator serving {@code socket}, running {@code scenario}. */
@FunctionalInterface
public interface ModemFactory {

    /** @param scenario a shipped scenario name (e.g. {@code e397u-53}) or a scenario JSON file */
    EmulatedModem start(String scenario, Path socket) throws IOException;

    /**
     * This factory with every QMI answer held back {@code latency} after its request (a USB modem's round trip).
     *
     * @throws UnsupportedOperationException when this factory's modems cannot be slowed (test stand-ins)
     */
    default ModemFactory withReplyLatency(Duration latency) {
        throw new UnsupportedOperationException("this modem has no reply latency setting");
    }
}
