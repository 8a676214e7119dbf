package dev.qmiconn.cli.at;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.qmiconn.at.AtBringUp;
import dev.qmiconn.at.AtModem;
import dev.qmiconn.at.DhcpSettings;
import dev.qmiconn.at.NdisStatus;
import dev.qmiconn.cli.AppContext;
import dev.qmiconn.error.ExitCode;

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
            AtModem.SessionCheck session = modem.checkSession();
            boolean connected = session.connected();
            row(out, "port", modem.port());
            row(out, "session", session.status().map(AtStatusCommand::describe)
                    .orElse((connected ? "connected" : "disconnected") + " (from AT^DHCP?)"));
            row(out, "signal", modem.signal().describe());
            row(out, "operator", modem.operator().describe());
            if (!connected) {
                out.flush();
                return ExitCode.NOT_CONNECTED.code();
            }
            DhcpSettings s = session.live().orElseGet(modem::dhcp);
            row(out, "address", s.cidr());
            row(out, "gateway", s.gateway());
            row(out, "dns", s.dns1() + " " + s.dns2());
            out.flush();
            return ExitCode.OK.code();
        }
    }

    private static String describe(NdisStatus s) {
        String type = s.pdpType().isEmpty() ? "" : " (" + s.pdpType() + ")";
        return s.state().word() + type + (s.error().isPresent()
                ? ", cause " + s.error().getAsInt() + AtBringUp.cause(s.error().getAsInt()) : "");
    }

    private static void row(PrintWriter out, String name, String value) {
        out.print(String.format(Locale.ROOT, "%-9s %s\n", name, value));
    }
}
