package dev.qmiconn.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.qmiconn.qmi.LibqmiTools;

/**
 * How doctor looks: the root prefix every file is read under, the control device to query (default: the first
 * on qmi_wwan), whether to probe ttyUSB ports with AT, whether to talk to the modem at all, how long one
 * external call may take, and where libqmi's programs are ({@link LibqmiTools}: this machine's PATH, as for
 * up/status/down, whatever the root; programs always run on this machine).
 */
public record DoctorOptions(Path root, Optional<String> device, boolean probeAt, boolean queryModem,
                            Duration callTimeout, LibqmiTools libqmi) {

    /** qmicli gives up on a silent device after about 10 s itself; leave it room to say so. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

    public DoctorOptions {
        device = device == null ? Optional.empty() : device;
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        libqmi = libqmi == null ? new LibqmiTools(null) : libqmi;
    }

    public static DoctorOptions forRoot(Path root) {
        return new DoctorOptions(root, Optional.empty(), false, true, DEFAULT_CALL_TIMEOUT, null);
    }

    public DoctorOptions withProbeAt(boolean probe) {
        return new DoctorOptions(root, device, probe, queryModem, callTimeout, libqmi);
    }

    public DoctorOptions withQueryModem(boolean query) {
        return new DoctorOptions(root, device, probeAt, query, callTimeout, libqmi);
    }

    public DoctorOptions withDevice(String dev) {
        return new DoctorOptions(root, Optional.ofNullable(dev), probeAt, queryModem, callTimeout, libqmi);
    }

    public DoctorOptions withLibqmi(LibqmiTools tools) {
        return new DoctorOptions(root, device, probeAt, queryModem, callTimeout, tools);
    }
}
