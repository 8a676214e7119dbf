package dev.qmiconn.doctor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.process.ProgramPath;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import picocli.CommandLine;

/** Runs the real picocli {@code qmi-conn doctor} against a fixture tree and a strict replaying runner. */
final class DoctorRun {

    static final Path TREES = Path.of("test-fixtures/sysfs");
    static final Path QMICLI = Path.of("test-fixtures/doctor/qmicli");

    final int exitCode;
    final String out;
    final String err;
    final ReplayingRunner runner;

    private DoctorRun(int exitCode, String out, String err, ReplayingRunner runner) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.runner = runner;
    }

    static DoctorRun run(List<Transcript> transcripts, String... args) {
        return run(pathOfTree(args), transcripts, args);
    }

    /** With this environment (its PATH says where qmicli and qmi-network are). */
    static DoctorRun run(Map<String, String> env, List<Transcript> transcripts, String... args) {
        ReplayingRunner runner = new ReplayingRunner(transcripts);
        CommandLine cl = Main.commandLine(new AppContext(runner, Clock.systemUTC(), env));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> argv = new ArrayList<>(List.of("doctor"));
        argv.addAll(List.of(args));
        int code = cl.execute(argv.toArray(String[]::new));
        runner.verifyAllConsumed();
        return new DoctorRun(code, out.toString(), err.toString(), runner);
    }

    /**
     * The fixture tree stands for the whole machine: its program directories are the PATH doctor finds qmicli
     * and qmi-network on (as on the Pi, where they are the system's).
     */
    static Map<String, String> pathOfTree(String... args) {
        List<String> a = List.of(args);
        int i = a.indexOf("--root");
        if (i < 0 || i + 1 >= a.size()) {
            return Map.of();
        }
        Path root = Path.of(a.get(i + 1)).toAbsolutePath();
        return Map.of("PATH", ProgramPath.SYSTEM_DIRS.stream().map(d -> root + d)
                .collect(java.util.stream.Collectors.joining(":")));
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** id -> result word, in report order (ids may repeat only by mistake; the map would hide that). */
    Map<String, String> results() {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode f : json().get("findings")) {
            if (m.put(f.get("id").asText(), f.get("result").asText()) != null) {
                throw new AssertionError("finding id twice: " + f.get("id").asText());
            }
        }
        return m;
    }

    JsonNode finding(String id) {
        for (JsonNode f : json().get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in\n" + out);
    }

    static Transcript qmicli(List<String> argv, String outFile) {
        return Transcript.of(argv, 0, read(QMICLI.resolve(outFile)), "");
    }

    static Transcript version(String v) {
        return qmicli(List.of("qmicli", "--version"), "version-" + v + ".out");
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture tree into {@code dir}, symlinks as symlinks, so a test can change one thing in it. */
    static Path copyTree(String name, Path dir) {
        Path from = TREES.resolve(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path src : all.toList()) {
                Path dst = dir.resolve(from.relativize(src).toString());
                if (Files.isSymbolicLink(src)) {
                    Files.createDirectories(dst.getParent());
                    Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
                } else if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
