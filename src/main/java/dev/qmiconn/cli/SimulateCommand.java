package dev.qmiconn.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.qmiconn.emulator.Scenario;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.sandbox.EmulatorModems;
import dev.qmiconn.sandbox.ModemFactory;
import dev.qmiconn.sandbox.PluggedInModem;
import dev.qmiconn.sandbox.Sandbox;
import dev.qmiconn.sandbox.SandboxException;
import dev.qmiconn.sandbox.SandboxOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qmi-conn simulate [--scenario NAME|FILE] [-- COMMAND ARGS...]}: an emulated modem plugged into a Pi made
 * of namespaces on this machine. With a command: runs it inside, passes its output through, tears everything
 * down and exits with the command's exit code. Without: keeps the sandbox up for a person until Ctrl-C.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a command (or a shell, by hand) on a simulated Pi with an emulated QMI modem plugged in:"
                + " the real qmicli, qmi-network, udhcpc and ip inside private network and mount namespaces;"
                + " nothing on this machine changes. Needs root.",
                "Several commands run in turn when separated by a lone '+'; the first failure ends the run.",
                "Example: qmi-conn simulate --scenario e397u-53 -- qmicli -d /dev/cdc-wdm0 --dms-get-ids",
                "Example: qmi-conn simulate -- qmi-conn up --apn fast.metropcs.com + qmi-conn status + qmi-conn down",
                "With --plug-in-here (only in a container booted with systemd, for testing the system's own network"
                        + " services): the modem is plugged into this system itself until stopped."})
public final class SimulateCommand implements Callable<Integer> {

    private final AppContext context;
    private final ModemFactory modems;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = SandboxOptions.DEFAULT_SCENARIO,
            completionCandidates = ShippedScenarios.class,
            description = "Emulator scenario: a shipped name (${COMPLETION-CANDIDATES}) or a scenario JSON file. "
                    + "Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--plug-in-here",
            description = "Plug the emulated modem into THIS system instead of a sandbox: /dev/cdc-wdm0, a fake "
                    + "/sys/class entry and wwan0 here (its peer in a modem namespace with DHCP, and DNS answering "
                    + "carrier-only.qmi-conn.test), until Ctrl-C or SIGTERM. Refused outside a container. No COMMAND.")
    boolean plugInHere;

    @Option(names = "--reply-latency", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Hold every QMI answer back this long after its request (e.g. 30ms, a USB modem's round "
                    + "trip; 0..5s), whatever the scenario's replyLatencyMs says. Default: the scenario's (at once).")
    Duration replyLatency;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "Command(s) to run inside (after --; a lone '+' separates commands); without one the "
                    + "sandbox stays up until Ctrl-C.")
    List<String> command = new ArrayList<>();

    /** The scenarios in the jar, for the help text and tab completion: {@link Scenario#BUILT_IN}, never a copy. */
    static final class ShippedScenarios implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenario.BUILT_IN.iterator();
        }
    }

    public SimulateCommand(AppContext context) {
        this(context, new EmulatorModems());
    }

    SimulateCommand(AppContext context, ModemFactory modems) {
        this.context = context;
        this.modems = modems;
    }

    @Override
    public Integer call() {
        if (replyLatency != null && replyLatency.toMillis() > Scenario.MAX_REPLY_LATENCY_MS) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "simulate: --reply-latency must be at most "
                    + Scenario.MAX_REPLY_LATENCY_MS + "ms (qmicli gives up after about 10 s), got " + replyLatency.toMillis()
                    + "ms");
        }
        ModemFactory modems = replyLatency == null ? this.modems : this.modems.withReplyLatency(replyLatency);
        if (plugInHere) {
            return plugInHere(modems);
        }
        String home = context.environment().get("QMI_CONN_HOME");
        SandboxOptions options = new SandboxOptions(scenario, null, home == null ? null : Path.of(home));
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options, context.runner(), modems);
        } catch (SandboxException e) {
            // the scenario is loaded while the sandbox is built: an unknown name or a bad file is the user's input
            ExitCode code = e.getCause() instanceof Scenario.ScenarioException ? ExitCode.BAD_INPUT : ExitCode.FAILURE;
            throw new QmiConnException(code, "simulate: " + e.getMessage(), e);
        }
        try (sandbox) {
            return command.isEmpty() ? stayUp(sandbox) : runAll(sandbox);
        }
    }

    private int plugInHere(ModemFactory modems) {
        if (!command.isEmpty()) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "simulate: --plug-in-here takes no COMMAND (the system's "
                    + "own services and you use the modem while it stays plugged in)");
        }
        PluggedInModem.refusal().ifPresent(why -> {
            throw new QmiConnException(ExitCode.FAILURE, "simulate: " + why);
        });
        PrintWriter err = spec.commandLine().getErr();
        err.println("qmi-conn simulate: " + PluggedInModem.whatChanges(PluggedInModem.DEFAULT_DIR));
        err.flush();
        PluggedInModem plugged;
        try {
            plugged = PluggedInModem.start(scenario, PluggedInModem.DEFAULT_DIR, context.runner(), modems);
        } catch (SandboxException e) {
            ExitCode code = e.getCause() instanceof Scenario.ScenarioException ? ExitCode.BAD_INPUT : ExitCode.FAILURE;
            throw new QmiConnException(code, "simulate: " + e.getMessage(), e);
        }
        try (plugged) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Modem plugged in: scenario " + plugged.emulator().scenarioName() + ", /dev/cdc-wdm0 and "
                    + "wwan0 here, modem side in network namespace " + plugged.modemNamespace()
                    + ". Ctrl-C or SIGTERM unplugs it.");
            out.flush();
            new CountDownLatch(1).await(); // the shutdown hook unplugs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK.code();
    }

    /** Runs each '+'-separated command in turn; the first non-zero exit code ends the run and is returned. */
    private int runAll(Sandbox sandbox) {
        int exit = ExitCode.OK.code();
        for (List<String> one : splitOnPlus(command)) {
            exit = runInside(sandbox, one);
            if (exit != 0) {
                break;
            }
        }
        return exit;
    }

    static List<List<String>> splitOnPlus(List<String> argv) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : argv) {
            if (arg.equals("+")) {
                if (!current.isEmpty()) {
                    commands.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    private int runInside(Sandbox sandbox, List<String> command) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BackgroundProcess p = sandbox.start(command);
        int outSeen = 0;
        int errSeen = 0;
        OptionalInt exit = OptionalInt.empty();
        while (exit.isEmpty()) {
            exit = p.waitFor(Duration.ofMillis(100));
            outSeen = pass(p.stdout(), outSeen, out);
            errSeen = pass(p.stderr(), errSeen, err);
        }
        // waitFor returned after the last output was pumped
        pass(p.stdout(), outSeen, out);
        pass(p.stderr(), errSeen, err);
        return exit.getAsInt();
    }

    private static int pass(String all, int seen, PrintWriter to) {
        if (all.length() > seen) {
            to.print(all.substring(seen));
            to.flush();
        }
        return all.length();
    }

    private int stayUp(Sandbox sandbox) {
        PrintWriter out = spec.commandLine().getOut();
        String shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
        out.println("Sandbox " + sandbox.names().prefix() + " is up: scenario "
                + sandbox.emulator().scenarioName() + ", /dev/cdc-wdm0 and wwan0 inside. Enter it (as root) with:");
        out.println("  " + String.join(" ", sandbox.enterCommand(List.of(shell))));
        out.println("Press Ctrl-C to stop it and remove everything it made.");
        out.flush();
        try {
            new CountDownLatch(1).await(); // Ctrl-C: the sandbox's shutdown hook tears it down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK.code();
    }
}
