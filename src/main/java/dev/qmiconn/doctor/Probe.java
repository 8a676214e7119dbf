package dev.qmiconn.doctor;

import java.nio.file.Path;
import java.util.Optional;

import dev.qmiconn.doctor.Hardware.ControlDevice;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.qmi.LibqmiTools;
import dev.qmiconn.qmi.QmiClient;

/**
 * What every check may look at: the files under the root, the hardware scan, the installed packages, and the
 * process seam (the only way doctor runs programs). Built once per run by {@link Doctor}.
 */
public record Probe(SystemRoot sys, CommandRunner runner, DoctorOptions options, Hardware hardware,
                    DebianPackages packages) {

    public static Probe of(SystemRoot sys, CommandRunner runner, DoctorOptions options) {
        return new Probe(sys, runner, options, Hardware.scan(sys), DebianPackages.read(sys));
    }

    /** Runs a program with the doctor's per-call timeout. */
    public CommandResult run(String... argv) {
        return runner.run(CommandSpec.of(argv).withTimeout(options.callTimeout()));
    }

    /** A QMI client with doctor's call timeout; {@code device} may be empty for {@code --version}. */
    public QmiClient qmiClient(String device, boolean proxy) {
        return new QmiClient(runner, device, proxy, options.callTimeout());
    }

    /** libqmi's programs by {@link LibqmiTools} (PATH, as up runs them); the others under the root. */
    public Optional<String> findProgram(String name) {
        if (name.equals(LibqmiTools.QMICLI) || name.equals(LibqmiTools.QMI_NETWORK)) {
            return options.libqmi().find(name).map(Path::toString);
        }
        return sys.findProgram(name);
    }

    public boolean hasProgram(String name) {
        return findProgram(name).isPresent();
    }

    /**
     * The control device doctor talks about: {@code --device} if given (by path or name), else the first one on
     * qmi_wwan, else the first one at all.
     */
    public Optional<ControlDevice> selectedDevice() {
        if (options.device().isPresent()) {
            String wanted = options.device().get().replaceFirst("^/dev/", "");
            return hardware.controlDevices().stream().filter(d -> d.name().equals(wanted)).findFirst();
        }
        return hardware.controlDevices().stream().filter(d -> d.driver().equals("qmi_wwan")).findFirst()
                .or(() -> hardware.controlDevices().stream().findFirst());
    }

    /** The network interface of the selected control device, e.g. {@code wwan0}. */
    public Optional<String> netInterface() {
        return selectedDevice().flatMap(ControlDevice::netInterface);
    }

    /** Whether the interface runs raw-ip now: raw_ip=Y, or ARPHRD_NONE (type 65534) as the kernel reports it. */
    public boolean rawIpLink() {
        Optional<String> iface = netInterface();
        if (iface.isEmpty()) {
            return false;
        }
        String base = "/sys/class/net/" + iface.get();
        return sys.read(base + "/qmi/raw_ip").map("Y"::equals).orElse(false)
                || sys.read(base + "/type").map("65534"::equals).orElse(false);
    }
}
