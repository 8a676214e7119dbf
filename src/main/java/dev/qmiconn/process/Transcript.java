package dev.qmiconn.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One recorded external call, as written by {@link RecordingRunner} and read by {@link ReplayingRunner}.
 * {@code libqmiVersion} says which qmicli printed it (null for programs that are not libqmi's); {@code stdin} what
 * the program was given to read (e.g. an {@code ip -batch -} script), absent when nothing.
 */
public record Transcript(List<String> argv, int exitCode, String stdout, String stderr, long durationMs,
                         boolean timedOut, String libqmiVersion,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String stdin) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Transcript {
        argv = List.copyOf(argv);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public static Transcript of(CommandResult r, String libqmiVersion) {
        return new Transcript(r.argv(), r.exitCode(), r.stdout(), r.stderr(), r.duration().toMillis(), r.timedOut(),
                libqmiVersion, null);
    }

    /** The same call, given {@code input} on its standard input. */
    public Transcript withStdin(String input) {
        return new Transcript(argv, exitCode, stdout, stderr, durationMs, timedOut, libqmiVersion, input);
    }

    /** A transcript written by hand in a test: argv and what the program printed. */
    public static Transcript of(List<String> argv, int exitCode, String stdout, String stderr) {
        return new Transcript(argv, exitCode, stdout, stderr, 0, false, null, null);
    }

    public CommandResult toResult() {
        return new CommandResult(argv, exitCode, stdout, stderr, timedOut, Duration.ofMillis(durationMs));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transcript fromJson(String json) {
        try {
            return JSON.readValue(json, Transcript.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every {@code *.json} transcript in a directory, in file-name order (the recording order). */
    public static List<Transcript> readDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Transcript> all = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(fromJson(Files.readString(p)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
