package dev.qmiconn.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** {@code STATE_DIR/<dev>.json}: one {@link SessionState}, written atomically (root-only: it names the APN user). */
public final class StateStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public StateStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Optional<SessionState> read() {
        try {
            return Optional.of(JSON.readValue(Files.readString(file), SessionState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.FAILURE, "unreadable state file " + file + " (" + e.getMessage()
                    + "); remove it after stopping the session by hand");
        }
    }

    public void write(SessionState state) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(state) + "\n", PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
