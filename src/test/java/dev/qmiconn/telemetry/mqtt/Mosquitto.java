package dev.qmiconn.telemetry.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.telemetry.LoopbackServer;

/**
 * Debian's mosquitto started by a test on 127.0.0.1 with its own config file in the test's directory, no
 * persistence (a restart forgets retained messages, as a broker without a disk would), stopped by PID.
 */
final class Mosquitto implements AutoCloseable {

    static final ExecRunner RUN = new ExecRunner();

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private BackgroundProcess process;

    Mosquitto(Path dir, int port, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    static Mosquitto plain(Path dir) throws Exception {
        Mosquitto m = new Mosquitto(dir, LoopbackServer.freePort(), "allow_anonymous true\n");
        m.start();
        return m;
    }

    int port() {
        return port;
    }

    void start() throws Exception {
        Path conf = dir.resolve("mosquitto-" + port + ".conf");
        // user root: run as the test does, so it can read its files in the test's private directory
        Files.writeString(conf, "user root\npersistence false\nlistener " + port + " 127.0.0.1\n"
                + "log_dest stderr\nlog_type error\nlog_type warning\n" + extraConfig);
        process = RUN.start(CommandSpec.of("mosquitto", "-c", conf.toString()));
        LoopbackServer.awaitListening(port, process, Duration.ofSeconds(20));
    }

    /** Stops the broker (SIGTERM to its PID, SIGKILL after 3 s). */
    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(3));
            process = null;
        }
    }

    /**
     * What a subscriber that arrives now receives within {@code seconds}: up to {@code count} "topic payload"
     * lines (retained messages come first, at once).
     */
    List<String> receive(String topic, int count, int seconds, String... options) {
        List<String> argv = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-t", topic, "-v", "-C", Integer.toString(count), "-W",
                Integer.toString(seconds)));
        argv.addAll(List.of(options));
        CommandResult r = RUN.run(CommandSpec.of(argv).withTimeout(Duration.ofSeconds(seconds + 10L)));
        List<String> lines = new ArrayList<>();
        for (String l : r.stdout().split("\n")) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** The retained payload of one topic, or "" when there is none within {@code seconds}. */
    String retained(String topic, int seconds, String... options) {
        List<String> lines = receive(topic, 1, seconds, options);
        return lines.isEmpty() ? "" : lines.get(0).substring(topic.length() + 1);
    }

    @Override
    public void close() {
        stop();
    }
}
