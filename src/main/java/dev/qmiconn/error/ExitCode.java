package dev.qmiconn.error;

/**
 * The one table of qmi-conn's exit codes (documented in docs/EXIT-CODES.md; a test keeps the two equal).
 * Scripts and systemd can tell failures apart by these numbers.
 */
public enum ExitCode {
    OK(0, "success (for status: connected)"),
    FAILURE(1, "unexpected failure; run with -v for details"),
    USAGE(2, "bad command line (unknown option, missing value)"),
    BAD_INPUT(3, "invalid value: APN, device, interface, PIN, file contents"),
    DEVICE_MISSING(4, "the control device (e.g. /dev/cdc-wdm0) or AT port did not appear in time"),
    TOOL_MISSING(5, "a required program (qmicli, qmi-network, udhcpc, ip) is not installed or unusable"),
    MODEM_ERROR(6, "the modem answered with a QMI/AT error or did not answer"),
    SIM_ERROR(7, "SIM missing, PIN needed or wrong, or PIN retries too low to risk"),
    NO_SERVICE(8, "not registered to a network or no usable signal before --timeout"),
    CALL_FAILED(9, "the data session could not be started (see the call end reason)"),
    NO_ADDRESS(10, "the session is up but no IP configuration could be applied"),
    BUSY(11, "another qmi-conn holds the device lock"),
    NOT_CONNECTED(12, "status: the modem is not connected"),
    CAP_REACHED(13, "the data cap for this period is used up"),
    DOCTOR_WARNINGS(14, "doctor: warnings but no failures"),
    DOCTOR_FAILURES(15, "doctor: at least one check failed"),
    LIBQMI_BROKEN(16, "the installed libqmi has a known bug that blocks this action and no workaround applies"),
    UNREADABLE_OUTPUT(17, "a tool succeeded but printed what qmi-conn cannot read (an untested libqmi?); "
            + "report it with the -v output"),
    ROAMING_DENIED(18, "the modem is registered roaming and roaming is denied (--roaming deny, the default with "
            + "--cap)"),
    PORT_IN_USE(19, "ModemManager holds or will probe the modem's QMI port (use --proxy, or keep it off the modem)"),
    INTERNAL(70, "internal error (a bug in qmi-conn): please report it with the -v output"),
    NO_PERMISSION(77, "the service's socket refused the caller: needs root or the group qmi-conn (sysexits EX_NOPERM)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
