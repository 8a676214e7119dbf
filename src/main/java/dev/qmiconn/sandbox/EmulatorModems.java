package dev.qmiconn.sandbox;

import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.emulator.ModemEmulator;
import dev.qmiconn.emulator.Scenario;

/** The production {@link ModemFactory}: qmi-conn's own QMI emulator running a shipped or given scenario. */
public final class EmulatorModems implements ModemFactory {

    private final Duration replyLatency;

    /** The scenario as written (its own {@code replyLatencyMs}, if any). */
    public EmulatorModems() {
        this(null);
    }

    /** Every answer held back {@code replyLatency} after its request, whatever the scenario says; null: as written. */
    public EmulatorModems(Duration replyLatency) {
        this.replyLatency = replyLatency;
    }

    /** @throws Scenario.ScenarioException (one line) for an unknown scenario, a bad file or a bad latency */
    @Override
    public EmulatedModem start(String scenario, Path socket) {
        Scenario loaded = Scenario.load(scenario);
        if (replyLatency != null) {
            try {
                loaded = loaded.withReplyLatency(replyLatency);
            } catch (IllegalArgumentException e) {
                throw new Scenario.ScenarioException(e.getMessage());
            }
        }
        return ModemEmulator.start(loaded, socket);
    }

    @Override
    public ModemFactory withReplyLatency(Duration latency) {
        return new EmulatorModems(latency);
    }
}
