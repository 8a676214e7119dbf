package dev.qmiconn.usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** {@code usage.json} in the state dir, written atomically so a crash never loses the period's count. */
public final class UsageStore {

    public static final String FILE_NAME = "usage.json";

    private final Path file;

    public UsageStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved ledger, or null when none was saved yet. A damaged file is an error, never silently reset. */
    public UsageLedger load() {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return LedgerJson.readUsage(Files.readString(file));
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read usage ledger " + file + ": "
                    + e.getMessage().lines().findFirst().orElse("") + " (move it aside to start counting anew)");
        }
    }

    public void save(UsageLedger ledger) {
        AtomicFiles.write(file, LedgerJson.write(ledger) + "\n");
    }
}
