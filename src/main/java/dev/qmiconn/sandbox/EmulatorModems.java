package dev.qmiconn.sandbox;

import java.nio.file.Path;

import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.emulator.ModemEmulator;
import dev.qmiconn.emulator.Scenario;

/** The production {@link ModemFactory}: qmi-conn's own QMI emulator running a shipped or given scenario. */
public final class EmulatorModems implements ModemFactory {

    /** @throws Scenario.ScenarioException (one line) for an unknown scenario or a bad file */
    @Override
    public EmulatedModem start(String scenario, Path socket) {
        return ModemEmulator.start(Scenario.load(scenario), socket);
    }
}
