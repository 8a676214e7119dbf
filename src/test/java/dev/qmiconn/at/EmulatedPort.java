package dev.qmiconn.at;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Pipe;

import dev.qmiconn.emulator.at.AtEmulatorServer;
import dev.qmiconn.emulator.at.AtScenario;

/** An {@link AtSession} wired to the AT emulator through two in-memory pipes: the fast tier's serial port. */
final class EmulatedPort implements AutoCloseable {

    final AtEmulatorServer emulator;
    final AtSession session;

    EmulatedPort(AtScenario scenario) {
        try {
            Pipe toModem = Pipe.open();
            Pipe fromModem = Pipe.open();
            emulator = new AtEmulatorServer(scenario);
            emulator.serve(toModem.source(), fromModem.sink());
            session = new AtSession("emulated ttyUSB0", fromModem.source(), toModem.sink());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        session.close();
        emulator.close();
    }
}
