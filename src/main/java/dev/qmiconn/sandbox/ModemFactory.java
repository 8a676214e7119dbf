package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Path;

import dev.qmiconn.emulator.EmulatedModem;

/** Starts the modem the sandbox plugs in: the QMI emulator serving {@code socket}, running {@code scenario}. */
@FunctionalInterface
public interface ModemFactory {

    /** @param scenario a shipped scenario name (e.g. {@code e397u-53}) or a scenario JSON file */
    EmulatedModem start(String scenario, Path socket) throws IOException;
}
