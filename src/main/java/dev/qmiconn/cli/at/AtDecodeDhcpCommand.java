package dev.qmiconn.cli.at;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.qmiconn.at.DhcpDecoder;
import dev.qmiconn.at.DhcpRenderer;
import dev.qmiconn.at.DhcpSettings;
import dev.qmiconn.at.StaticIpApplier;
import dev.qmiconn.cli.AppContext;
import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qmi-conn at decode-dhcp '^DHCP:...'}: offline decoding, optionally applied with ip. */
@Command(name = "decode-dhcp", mixinStandardHelpOptions = true,
        description = "Decode an AT^DHCP? answer (hex, little-endian) and print the ip commands that apply it.")
public final class AtDecodeDhcpCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LINE", description = "The ^DHCP: line, e.g. '^DHCP:0100000a,fcffffff,...'.")
    String line;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--iface", paramLabel = "IFACE", defaultValue = "wwan0",
            description = "Interface the printed commands name (default: ${DEFAULT-VALUE}).")
    String iface;

    @Option(names = "--apply", paramLabel = "IFACE",
            description = "Also apply the settings to IFACE with ip (needs root).")
    String applyTo;

    public AtDecodeDhcpCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String target = Validation.iface(applyTo != null ? applyTo : iface);
        DhcpSettings s = DhcpDecoder.decode(line);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? DhcpRenderer.json(s, target) : DhcpRenderer.text(s, target));
        out.flush();
        if (applyTo != null) {
            new StaticIpApplier(context.runner()).apply(s, target);
            if (!json) {
                out.println("applied to " + target);
            }
        }
        return ExitCode.OK.code();
    }
}
