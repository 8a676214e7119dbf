package dev.qmiconn.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import dev.qmiconn.process.CommandResult;

/**
 * Writes one recorded tool run as a fixture case in the layout of test-fixtures/qmicli/README.md:
 * {@code ROOT/ACTION/NAME.out}, plus {@code .err} when stderr is not empty and {@code .exit} (the exit code, or
 * {@code timeout}) when it did not exit 0. Shared by the emulator rig and the sandbox's fixture recorder.
 */
public final class QmicliFixtureFiles {

    private QmicliFixtureFiles() {
    }

    /** @param clean applied to stdout and stderr before writing (e.g. a temp pty path back to /dev/cdc-wdm0) */
    public static Path write(Path root, String action, String name, CommandResult r, UnaryOperator<String> clean)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(action));
        Path out = dir.resolve(name + ".out");
        Files.writeString(out, clean.apply(r.stdout()));
        if (!r.stderr().isEmpty()) {
            Files.writeString(dir.resolve(name + ".err"), clean.apply(r.stderr()));
        }
        if (r.exitCode() != 0) {
            Files.writeString(dir.resolve(name + ".exit"), (r.timedOut() ? "timeout" : r.exitCode()) + "\n");
        }
        return out;
    }
}
