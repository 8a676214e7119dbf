package dev.qmiconn.at;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qmi-conn at status}: session state, signal, operator and (when up) the ^DHCP settings. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the NDIS session state, signal (AT+CSQ), operator (AT+COPS?) and address (AT^DHCP?). "
                + "Exit 0 when connected, 12 when not.")
public final class AtStatusCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    AtPortOptions port;

    public AtStatusCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AtModem modem = port.open(context.runner())) {
            modem.prepare();
            NdisStatus status = modem.ndisStatus();
            row(out, "port", modem.port());
            row(out, "session", status.state().word() + (status.pdpType().isEmpty() ? "" : " (" + status.pdpType()
                    + ")") + (status.error().isPresent() ? ", cause " + status.error().getAsInt()
                    + AtBringUp.cause(status.error().getAsInt()) : ""));
            row(out, "signal", modem.signal().describe());
            row(out, "operator", modem.operator().describe());
            if (status.state() != NdisStatus.State.CONNECTED) {
                out.flush();
                return ExitCode.NOT_CONNECTED.code();
            }
            DhcpSettings s = modem.dhcp();
            row(out, "address", s.cidr());
            row(out, "gateway", s.gateway());
            row(out, "dns", s.dns1() + " " + s.dns2());
            out.flush();
            return 0;
        }
    }

    private static void row(PrintWriter out, String name, String value) {
        out.print(String.format(Locale.ROOT, "%-9s %s\n", name, value));
    }
}
