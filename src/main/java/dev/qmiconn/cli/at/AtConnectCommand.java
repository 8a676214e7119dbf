package dev.qmiconn.cli.at;

import java.time.Duration;
import java.util.concurrent.Callable;

import dev.qmiconn.at.AtBringUp;
import dev.qmiconn.at.AtModem;
import dev.qmiconn.at.DhcpSettings;
import dev.qmiconn.cli.AppContext;
import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn at connect --apn APN}: the FreedomPOP guide's steps, ending with the address on wwan0. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Start the data session with AT^NDISDUP and apply the AT^DHCP? settings statically "
                + "(address and route only; 'qmi-conn up --method at' also writes DNS).")
public final class AtConnectCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    AtPortOptions port;

    @Option(names = "--apn", required = true, paramLabel = "APN", description = "Access point name, e.g. fp.com.attz.")
    String apn;

    @Option(names = "--iface", paramLabel = "IFACE", defaultValue = "wwan0",
            description = "The modem's network interface (default: ${DEFAULT-VALUE}).")
    String iface;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long the session may take to come up (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    public AtConnectCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Validation.apn(apn);
        Validation.iface(iface);
        DhcpSettings s;
        try (AtModem modem = port.open(context.runner())) {
            s = new AtBringUp(context.runner()).up(modem, apn, iface, Duration.ofSeconds(timeoutSeconds));
        }
        spec.commandLine().getOut().println("connected: " + s.cidr() + " on " + iface + " via " + s.gateway()
                + ", DNS " + s.dns1() + " " + s.dns2());
        return ExitCode.OK.code();
    }
}
