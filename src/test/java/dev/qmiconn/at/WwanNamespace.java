package dev.qmiconn.at;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import picocli.CommandLine;

/**
 * A network namespace of the test's own (unique name, deleted on close) holding a veth named wwan0, and
 * qmi-conn run in-process with every {@code ip} confined to it: the AT tests' stand-in for a Pi's wwan0.
 */
final class WwanNamespace implements AutoCloseable {

    final CommandRunner exec = new ExecRunner();
    final String name = "qc" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "at";
    private final CommandRunner confined;

    WwanNamespace() {
        exec.run(CommandSpec.of("ip", "netns", "add", name)).orThrow();
        confined = new NetnsIpRunner(exec, name);
        confined.run(CommandSpec.of("ip", "link", "add", "wwan0", "type", "veth", "peer", "name", "wwan0peer"))
                .orThrow();
    }

    /** {@code ip -n NAME ARGS...}, which must succeed; its stdout. */
    String ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        return exec.run(CommandSpec.of(argv)).orThrow().stdout();
    }

    int qmiConn(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine(new AppContext(confined, Clock.systemUTC(), Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Override
    public void close() {
        exec.run(CommandSpec.of("ip", "netns", "del", name));
    }
}
