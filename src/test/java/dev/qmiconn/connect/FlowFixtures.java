package dev.qmiconn.connect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.qmiconn.process.Transcript;

/** Recorded whole-command transcripts (test-fixtures/transcripts) and a sandbox of files for replayed flows. */
final class FlowFixtures {

    static final Path ROOT = Path.of("test-fixtures");
    static final String HOOK = "/usr/share/qmi-conn/qmi-conn-udhcpc-hook";

    private FlowFixtures() {
    }

    static List<Transcript> transcripts(String folder) {
        return new ArrayList<>(Transcript.readDirectory(ROOT.resolve("transcripts/1.32.2").resolve(folder)));
    }

    static String qmicliFixture(String relative) {
        try {
            return Files.readString(ROOT.resolve("qmicli").resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A qmicli run recorded from a real libqmi build ({@code test-fixtures/qmicli/VERSION/ACTION/CASE.out},
     * {@code .err}, {@code .exit}) as the transcript of {@code argv}.
     */
    static Transcript recorded(String version, String action, String caseName, List<String> argv) {
        String base = version + "/" + action + "/" + caseName;
        Path dir = ROOT.resolve("qmicli");
        String err = Files.exists(dir.resolve(base + ".err")) ? qmicliFixture(base + ".err") : "";
        int exit = Files.exists(dir.resolve(base + ".exit")) ? Integer.parseInt(qmicliFixture(base + ".exit").strip())
                : 0;
        return Transcript.of(argv, exit, qmicliFixture(base + ".out"), err);
    }

    /** Replaces the first transcript whose argv contains {@code action}. */
    static void replace(List<Transcript> ts, String action, UnaryOperator<Transcript> change) {
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i).argv().stream().anyMatch(a -> a.startsWith(action))) {
                ts.set(i, change.apply(ts.get(i)));
                return;
            }
        }
        throw new AssertionError("no recorded call of " + action);
    }

    static int indexOf(List<Transcript> ts, String action) {
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i).argv().stream().anyMatch(a -> a.startsWith(action))) {
                return i;
            }
        }
        throw new AssertionError("no recorded call of " + action);
    }

    /** A temporary root with state dir, resolv.conf.head and a sysfs tree: cdc-wdm0 -> wwan0, raw_ip N. */
    static Paths paths(Path tmp) throws IOException {
        Path sys = tmp.resolve("sys");
        Files.createDirectories(sys.resolve("class/usbmisc/cdc-wdm0/device/net/wwan0"));
        Files.createDirectories(sys.resolve("class/net/wwan0/qmi"));
        Files.writeString(sys.resolve("class/net/wwan0/qmi/raw_ip"), "N\n");
        return new Paths(tmp.resolve("run"), tmp.resolve("etc/resolv.conf.head"), tmp.resolve("etc/resolv.conf"),
                sys, tmp.resolve("tmp"), Path.of(HOOK), tmp.resolve("root"));
    }

    /** A pacer whose clock moves only when something sleeps: replayed waits take no time. */
    static final class FakePacer implements Pacer {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        Duration slept = Duration.ZERO;

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now = now.plus(d);
            slept = slept.plus(d);
        }
    }

    static final class Out {
        final StringWriter text = new StringWriter();
        final PrintWriter writer = new PrintWriter(text, true);

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
