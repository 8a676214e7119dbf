package dev.qmiconn.cli.generate;

import java.util.Optional;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.generate.SystemdUnit;
import dev.qmiconn.generate.UpSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qmi-conn generate systemd}: a service that runs {@code up} when the modem appears. */
@Command(name = "systemd", mixinStandardHelpOptions = true,
        description = {"Render a systemd service: 'qmi-conn up' when the modem's control device appears, "
                + "'qmi-conn down' on stop or unplug, retried on failure.",
                "Prints the unit unless --out is given (e.g. --out /etc/systemd/system/qmi-conn.service).",
                "Writes only the up options given (up's defaults apply at boot); --iface defaults to auto here. "
                        + "With --password or --pin the file is readable by root only."})
public final class GenerateSystemdCommand implements Runnable {

    @Mixin
    UpInvocation up;

    @Option(names = "--unit", paramLabel = "NAME", defaultValue = "qmi-conn.service",
            description = "Unit name, for the install hint (default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(names = "--java-opts", paramLabel = "FLAGS",
            description = "Extra JVM flags for the launcher, e.g. -Xmx32m (QMI_CONN_JAVA_OPTS).")
    String javaOpts;

    @Override
    public void run() {
        UpSettings settings = up.settings("auto");
        up.emit(SystemdUnit.render(settings, SystemdUnit.checkedUnitName(unit), Optional.ofNullable(javaOpts)), settings);
    }
}
