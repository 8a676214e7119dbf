package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Path;

import dev.qmiconn.emulator.EmulatedModem;

/** The production {@link ModemFactory}: qmi-conn's own QMI emulator running a shipped or given scenario. */
public final class EmulatorModems implements ModemFactory {

    @Override
    public EmulatedModem start(String scenario, Path socket) throws IOException {
        throw new IOException("the QMI emulator is not part of this build yet");
    }
}
