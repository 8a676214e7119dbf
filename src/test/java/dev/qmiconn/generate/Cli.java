package dev.qmiconn.generate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.process.ReplayingRunner;

import picocli.CommandLine;

/** Runs the real picocli tree (no external programs: generate never starts one) and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(),
                Map.of()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
