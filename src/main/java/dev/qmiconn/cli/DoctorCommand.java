package dev.qmiconn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.qmiconn.doctor.Doctor;
import dev.qmiconn.doctor.DoctorOptions;
import dev.qmiconn.doctor.DoctorReport;
import dev.qmiconn.doctor.JsonReport;
import dev.qmiconn.doctor.TextReport;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.LibqmiTools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qmi-conn doctor}: finds and explains what stops the modem from getting online. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks the modem, its drivers and ports, libqmi, the DHCP client, ModemManager, "
                + "ifupdown and DNS setup, and (when the modem answers) SIM, registration, signal and the APN up would "
                + "take from the provider database.",
                "Each line says ok, warn or fail, why, and the command that fixes it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything ok", "14:warnings but no failures", "15:at least one check failed"})
public final class DoctorCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Read sysfs, /dev, /proc and /etc under DIR instead of / (for fixture trees and "
                    + "images). Programs still run on this machine: qmicli and qmi-network are the first on PATH, as for "
                    + "up and status. Default: ${DEFAULT-VALUE}")
    Path root;

    @Option(names = "--json", description = "Print the findings as JSON (fields: /usr/share/doc/qmi-conn/DOCTOR-JSON.md).")
    boolean json;

    @Option(names = {"-d", "--device"}, paramLabel = "DEV",
            description = "The control device to examine, e.g. /dev/cdc-wdm0 (default: the first on qmi_wwan).")
    String device;

    @Option(names = "--probe-at", description = "Send AT to each ttyUSB port (2 s each) to find the one that "
            + "answers. Off by default: the ports are only listed.")
    boolean probeAt;

    @Option(names = "--no-query", description = "Do not talk to the modem (skip SIM, registration, signal).")
    boolean noQuery;

    public DoctorCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(root)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "--root " + root + " is not a directory");
        }
        if (device != null) {
            dev.qmiconn.config.Validation.device(device);
        }
        DoctorOptions options = DoctorOptions.forRoot(root).withDevice(device).withProbeAt(probeAt)
                .withQueryModem(!noQuery).withLibqmi(LibqmiTools.fromEnvironment(context.environment()));
        DoctorReport report = new Doctor(context.runner()).examine(options);
        spec.commandLine().getOut().print(json ? JsonReport.render(report) : TextReport.render(report));
        spec.commandLine().getOut().flush();
        return report.worst().exitCode().code();
    }
}
