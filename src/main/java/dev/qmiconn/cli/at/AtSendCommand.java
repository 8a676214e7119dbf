package dev.qmiconn.cli.at;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.qmiconn.at.AtModem;
import dev.qmiconn.at.AtReply;
import dev.qmiconn.cli.AppContext;
import dev.qmiconn.error.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qmi-conn at send CMD}: one command, its answer as the modem gave it (without echo). */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send one AT command (e.g. 'AT+CGMR') and print the answer; exit code says OK or not.")
public final class AtSendCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    AtPortOptions port;

    @Parameters(paramLabel = "CMD", description = "The command line, starting with AT; quote it for the shell.")
    String command;

    public AtSendCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AtModem.checkCommand(command);
        try (AtModem modem = port.open(context.runner())) {
            AtReply reply = modem.send(command);
            PrintWriter out = spec.commandLine().getOut();
            reply.lines().forEach(out::println);
            out.println(reply.finalLine());
            out.flush();
            reply.orThrow();
            return ExitCode.OK.code();
        }
    }
}
