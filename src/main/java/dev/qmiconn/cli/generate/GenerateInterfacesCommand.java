package dev.qmiconn.cli.generate;

import java.nio.file.Path;

import dev.qmiconn.generate.InterfacesSourceCheck;
import dev.qmiconn.generate.InterfacesStanza;
import dev.qmiconn.generate.InterfacesStyle;
import dev.qmiconn.generate.UpSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn generate interfaces}: the /etc/network/interfaces.d stanza for ifupdown. */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = {"Render /etc/network/interfaces.d/IFACE: allow-hotplug, 'qmi-conn up' on pre-up and "
                + "'qmi-conn down' on post-down (or, with --style guide, the Metro PCS guide's own stanza).",
                "Prints the stanza unless --out is given.",
                "Writes only the up options given (up's defaults apply at boot); --iface defaults to wwan0 here: "
                        + "a stanza must name its interface. With --password or --pin the file is readable by "
                        + "root only."})
public final class GenerateInterfacesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    UpInvocation up;

    @Option(names = "--style", paramLabel = "qmi-conn|guide", defaultValue = "qmi-conn",
            description = "qmi-conn (default) or guide: the guide's wait loops and qmi-network start/stop.")
    String style;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Root of the system whose etc/network/interfaces is checked (default: ${DEFAULT-VALUE}).")
    Path root;

    @Override
    public void run() {
        UpSettings settings = up.settings("wwan0");
        up.emit(InterfacesStanza.render(InterfacesStyle.fromWord(style), settings), settings);
        for (String warning : InterfacesSourceCheck.warnings(root, installedPath(settings.iface()),
                settings.iface())) {
            spec.commandLine().getErr().println("qmi-conn: warning: " + warning);
        }
        spec.commandLine().getErr().flush();
    }

    /** Where the stanza lives on the target system: --out seen from --root, or interfaces.d/IFACE. */
    private Path installedPath(String iface) {
        if (up.output.out == null) {
            return Path.of("/etc/network/interfaces.d", iface);
        }
        Path out = up.output.out.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return out.startsWith(r) ? Path.of("/").resolve(r.relativize(out)) : out;
    }
}
