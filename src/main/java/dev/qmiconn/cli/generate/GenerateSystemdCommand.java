package dev.qmiconn.cli.generate;

import java.util.Optional;

import dev.qmiconn.generate.SystemdUnit;
import dev.qmiconn.generate.UpSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn generate systemd}: the template unit that runs {@code watch} per modem (the .deb ships it). */
@Command(name = "systemd", mixinStandardHelpOptions = true,
        description = {"Render the systemd template qmi-conn@.service: 'qmi-conn watch --device /dev/INSTANCE' "
                + "as a hardened notify service, restarted on failure, its ledger in /var/lib/qmi-conn and its "
                + "socket in /run/qmi-conn. The .deb installs this very file; use this where qmi-conn is not "
                + "installed from the package, or to name another program or JVM flags.",
                "The modem's settings are not in the unit: write /etc/qmi-conn/DEVICE.conf with 'qmi-conn "
                        + "generate config', then: systemctl enable --now qmi-conn@cdc-wdm0.",
                "Prints the unit unless --out is given (e.g. --out /etc/systemd/system/qmi-conn@.service)."})
public final class GenerateSystemdCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--qmi-conn", paramLabel = "PATH", defaultValue = "/usr/bin/qmi-conn",
            description = "The qmi-conn program to run, absolute: systemd runs it with a fixed PATH "
                    + "(default: ${DEFAULT-VALUE}).")
    String program;

    @Option(names = "--java-opts", paramLabel = "FLAGS",
            description = "Extra JVM flags for the launcher, e.g. -Xmx32m (QMI_CONN_JAVA_OPTS).")
    String javaOpts;

    @Override
    public void run() {
        String unit = SystemdUnit.render(UpSettings.absolutePath("--qmi-conn", program), Optional.ofNullable(javaOpts));
        output.emit(unit, false, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
