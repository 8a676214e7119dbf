package dev.qmiconn.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** {@code usage.json} in the state dir, written atomically so a crash never loses the period's count. */
public final class UsageStore {

    public static final String FILE_NAME = "usage.json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

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
            return JSON.readValue(Files.readString(file), UsageLedger.class);
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read usage ledger " + file + ": "
                    + e.getMessage().lines().findFirst().orElse("") + " (move it aside to start counting anew)");
        }
    }

    public void save(UsageLedger ledger) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(ledger) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
