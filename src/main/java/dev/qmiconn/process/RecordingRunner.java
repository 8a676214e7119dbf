package dev.qmiconn.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.config.AtomicFiles;

/**
 * Decorator that writes every finished call as a {@link Transcript} JSON file into a directory
 * ({@code --record DIR}), numbered in call order, so a user with a real modem can hand us fixtures. Files are
 * rw------- and have passwords and PINs masked ({@link Secrets}); the caller still gets the real result.
 */
public final class RecordingRunner implements CommandRunner {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern QMICLI_VERSION = Pattern.compile("^qmicli (\\S+)", Pattern.MULTILINE);

    private final CommandRunner delegate;
    private final Path directory;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile String libqmiVersion;

    public RecordingRunner(CommandRunner delegate, Path directory) {
        this.delegate = delegate;
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create recording directory " + directory, e);
        }
    }

    @Override
    public CommandResult run(CommandSpec spec) {
        CommandResult result = delegate.run(spec);
        String version = isLibqmiTool(spec) ? libqmiVersion(spec, result) : null;
        String name = String.format("%03d-%s.json", sequence.incrementAndGet(), spec.program());
        AtomicFiles.write(directory.resolve(name), redacted(Transcript.of(result, version).withStdin(spec.stdin())).toJson(), OWNER_ONLY);
        return result;
    }

    @Override
    public BackgroundProcess start(CommandSpec spec) {
        return delegate.start(spec); // long-running programs are not transcripts
    }

    /** Transcripts get shared as fixtures: no APN password or SIM PIN goes into one. */
    private static Transcript redacted(Transcript t) {
        return new Transcript(t.argv().stream().map(Secrets::redact).toList(), t.exitCode(),
                Secrets.redact(t.stdout()), Secrets.redact(t.stderr()), t.durationMs(), t.timedOut(),
                t.libqmiVersion(), t.stdin() == null ? null : Secrets.redact(t.stdin()));
    }

    private static boolean isLibqmiTool(CommandSpec spec) {
        return spec.program().equals("qmicli") || spec.program().equals("qmi-network");
    }

    private String libqmiVersion(CommandSpec spec, CommandResult result) {
        if (libqmiVersion == null) {
            String text = spec.argv().contains("--version") ? result.stdout()
                    : delegate.run(CommandSpec.of("qmicli", "--version")).stdout();
            Matcher m = QMICLI_VERSION.matcher(text);
            libqmiVersion = m.find() ? m.group(1) : "unknown";
        }
        return libqmiVersion;
    }
}
