package dev.qmiconn.cli.generate;

import java.util.Optional;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.generate.UdevRule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn generate udev}: stable /dev names for the modem's ports, tagged for systemd. */
@Command(name = "udev", mixinStandardHelpOptions = true,
        description = {"Render a udev rule naming the modem's QMI control port and AT port stably "
                + "(defaults: Huawei E397u-53, 12d1:1506) and tagging the control port for systemd.",
                "Prints the rule unless --out is given (e.g. --out /etc/udev/rules.d/70-qmi-conn.rules)."})
public final class GenerateUdevCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--vendor", paramLabel = "HEX", defaultValue = "12d1", description = "USB vendor id "
            + "(default: ${DEFAULT-VALUE}, Huawei).")
    String vendor;

    @Option(names = "--product", paramLabel = "HEX", defaultValue = "1506", description = "USB product id in "
            + "modem mode (default: ${DEFAULT-VALUE}, E397u-53 after usb-modeswitch).")
    String product;

    @Option(names = "--at-interface", paramLabel = "NN", defaultValue = "00",
            description = "USB interface number of the AT port (default: ${DEFAULT-VALUE}, the first ttyUSB).")
    String atInterface;

    @Option(names = "--control-name", paramLabel = "NAME", defaultValue = "qmi-e397",
            description = "Name under /dev for the QMI control port (default: ${DEFAULT-VALUE}).")
    String controlName;

    @Option(names = "--at-name", paramLabel = "NAME", defaultValue = "ttyE397-at",
            description = "Name under /dev for the AT port (default: ${DEFAULT-VALUE}).")
    String atName;

    @Option(names = "--systemd-wants", paramLabel = "UNIT",
            description = "Also start UNIT (e.g. qmi-conn.service) whenever the control port appears.")
    String systemdWants;

    @Option(names = "--modem-manager", paramLabel = "ignore|share", defaultValue = "ignore",
            description = "ignore: tag the dongle ID_MM_DEVICE_IGNORE/ID_MM_PORT_IGNORE and its interface "
                    + "NM_UNMANAGED; "
                    + "share: leave ModemManager on it (then run qmi-conn with --proxy) (default: ${DEFAULT-VALUE}).")
    String modemManager;

    @Override
    public void run() {
        if (!modemManager.equals("ignore") && !modemManager.equals("share")) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid --modem-manager '"
                    + Validation.printable(modemManager) + "': ignore or share");
        }
        String content = UdevRule.render(new UdevRule.Ports(vendor, product, atInterface, controlName, atName,
                Optional.ofNullable(systemdWants), modemManager.equals("share")));
        output.emit(content, false, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
