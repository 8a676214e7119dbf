package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.process.CommandRunner;

/**
 * Runs every check in a fixed order (hardware, tools, system, then the modem itself) and collects the findings.
 * Checks that cannot apply (no interface to inspect, no device to ask) add nothing; the finding that blocks them
 * says why. External programs run only through the {@link CommandRunner}, in this order: usb_modeswitch
 * --version (only for a dongle in storage mode without dpkg data), socat AT probes (only with --probe-at),
 * qmicli --version, then the three qmicli queries.
 */
public final class Doctor {

    private final CommandRunner runner;

    public Doctor(CommandRunner runner) {
        this.runner = runner;
    }

    public DoctorReport examine(DoctorOptions options) {
        SystemRoot sys = new SystemRoot(options.root());
        Probe p = Probe.of(sys, runner, options);
        List<Finding> out = new ArrayList<>();
        out.add(HardwareChecks.usbModem(p));
        out.add(HardwareChecks.controlDevice(p));
        HardwareChecks.wwanInterface(p).ifPresent(out::add);
        HardwareChecks.rawIp(p).ifPresent(out::add);
        TtyChecks.ttyPorts(p).ifPresent(out::add);
        out.add(ToolChecks.program(p, "qmicli", "libqmi's command line tool"));
        out.add(ToolChecks.program(p, "qmi-network", "libqmi's session script"));
        ToolChecks.libqmiVersion(p).ifPresent(out::add);
        out.add(ToolChecks.dhcpClient(p));
        out.add(SystemChecks.modemManager(p));
        out.add(InterfacesFile.sourceDirectory(p));
        out.add(ResolverChecks.resolver(p));
        DhcpcdCheck.onModem(p).ifPresent(out::add);
        out.addAll(ModemChecks.run(p));
        return new DoctorReport(sys.root().toString(), out);
    }
}
