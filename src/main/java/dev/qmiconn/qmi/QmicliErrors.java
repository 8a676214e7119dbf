package dev.qmiconn.qmi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.qmi.QmicliFailure.Kind;

/**
 * Reads why a qmicli call failed. qmicli (1.16 to 1.32) exits 0 or 1 and prints errors on stderr:
 * <pre>
 * error: couldn't start network: QMI protocol error (14): 'CallFailed'
 * call end reason (3): generic-no-service
 * verbose call end reason (3,2001): [cm] no-service
 * </pre>
 * and, with {@code --client-no-release-cid}, still prints on stdout:
 * <pre>
 * [/dev/cdc-wdm0] Client ID not released:
 * 	Service: 'wds'
 * 	    CID: '12'
 * </pre>
 * Only the exit code (and the timed-out flag) decide failure: stderr alone is not one. With
 * {@code --device-open-qmi} on a device without qmi_wwan in sysfs, 1.32 warns
 * {@code couldn't detect transport type of port: unexpected port subsystem} and
 * {@code requested QMI mode but unexpected transport type found} and then works.
 * The same reader understands qmi-network's output, which repeats qmicli's error lines and says
 * {@code Saving state at ... (CID: 1)}; there the last QMI protocol error wins (the WDA InvalidServiceType
 * line before a start failure is harmless on modems without WDA).
 */
public final class QmicliErrors {

    private static final Pattern PROTOCOL_ERROR = Pattern.compile(
            "^(?:\\[[^\\]]*\\]\\s*)?error: (.*?)QMI protocol error \\((\\d+)\\): '([^']*)'", Pattern.MULTILINE);
    private static final Pattern CLIENT_SERVICE = Pattern.compile("couldn't create client for the '([^']+)' service");
    private static final Pattern CALL_END = Pattern.compile("^call end reason \\((\\d+)\\): (\\S+)", Pattern.MULTILINE);
    private static final Pattern VERBOSE_CALL_END = Pattern.compile(
            "^verbose call end reason \\((\\d+),(-?\\d+)\\): (.+)$", Pattern.MULTILINE);
    private static final Pattern CID = Pattern.compile("(?:CID: '(\\d+)'|\\(CID: (\\d+)\\))");
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("^error: Unknown option --", Pattern.MULTILINE);
    private static final Pattern ERROR_LINE = Pattern.compile("^error: .*$", Pattern.MULTILINE);
    private static final List<String> SIM_ERRORS = List.of("IncorrectPin", "PinBlocked", "PinAlwaysBlocked",
            "UimUninitialized", "SimFile", "SimNotInitialized", "NoSim");

    /** How a message about a refused data call starts, before the advice of {@link CallEndReasons}. */
    public static final String REFUSED = "data session refused: ";

    private QmicliErrors() {
    }

    /** Empty when the call succeeded (exit 0 in time), whatever stderr says. */
    public static Optional<QmicliFailure> classify(CommandResult r) {
        if (r.succeeded()) {
            return Optional.empty();
        }
        String text = r.stderr() + "\n" + r.stdout();
        Integer cid = cid(text);
        if (r.timedOut()) {
            return Optional.of(simple(Kind.TIMED_OUT, cid, "killed after " + r.duration().toMillis() + " ms"));
        }
        if (r.exitCode() == 127) {
            return Optional.of(simple(Kind.PROGRAM_MISSING, null, firstLine(r.stderr())));
        }
        String errorLine = lastErrorLine(text);
        if (UNKNOWN_OPTION.matcher(text).find()) {
            return Optional.of(simple(Kind.UNKNOWN_OPTION, null, errorLine));
        }
        // 1.32: "couldn't create QmiDevice: Couldn't query file info: ... No such file or directory" for a
        // missing path, "... Wrong file type" for a non-character device.
        if (text.contains("couldn't create QmiDevice") || (text.contains("couldn't open the QmiDevice")
                && (text.contains("No such file or directory") || text.contains("doesn't exist")))) {
            return Optional.of(simple(Kind.DEVICE_MISSING, null, errorLine));
        }
        if (text.contains("Cannot automatically select QMI/MBIM mode")) {
            return Optional.of(simple(Kind.MODE_UNKNOWN, null, errorLine));
        }
        return Optional.of(fromProtocolError(text, cid, errorLine));
    }

    private static QmicliFailure fromProtocolError(String text, Integer cid, String errorLine) {
        Matcher m = PROTOCOL_ERROR.matcher(text);
        String context = null;
        Integer code = null;
        String name = null;
        String line = errorLine;
        while (m.find()) { // the last one: qmi-network transcripts carry a harmless WDA error first
            context = m.group(1);
            code = number(m.group(2));
            name = m.group(3);
            int end = text.indexOf('\n', m.start());
            line = text.substring(m.start(), end < 0 ? text.length() : end).strip();
        }
        if (code == null) {
            Kind kind = text.contains("Transaction timed out") ? Kind.TRANSACTION_TIMEOUT
                    : text.contains("endpoint hangup") ? Kind.ENDPOINT_HANGUP
                    : text.contains("ClientIdsExhausted") ? Kind.CLIENT_IDS_EXHAUSTED
                    : Kind.OTHER;
            return simple(kind, cid, errorLine);
        }
        Integer cerCode = null;
        String cer = null;
        String verbose = null;
        Matcher c = CALL_END.matcher(text);
        if (c.find()) {
            cerCode = number(c.group(1));
            cer = c.group(2);
        }
        Matcher v = VERBOSE_CALL_END.matcher(text);
        if (v.find()) {
            verbose = v.group(3).strip();
        }
        Matcher svc = CLIENT_SERVICE.matcher(context);
        String service = svc.find() ? svc.group(1) : null;
        Kind kind;
        if (code == VersionPolicy.QMI_ERROR_INVALID_IP_FAMILY_PREFERENCE) {
            kind = Kind.IP_FAMILY_BUG;
        } else if (code == 5 || "ClientIdsExhausted".equals(name)) {
            kind = Kind.CLIENT_IDS_EXHAUSTED;
        } else if (service != null && (code == 31 || "InvalidServiceType".equals(name))) {
            kind = Kind.SERVICE_UNSUPPORTED;
        } else if (context.contains("couldn't start network")) {
            kind = Kind.CALL_FAILED;
        } else if (code == 12 || code == 35 || code == 36 || SIM_ERRORS.contains(name)) {
            kind = Kind.SIM;
        } else {
            kind = Kind.PROTOCOL_ERROR;
        }
        return new QmicliFailure(kind, code, name, cerCode, cer, verbose, service, cid, line);
    }

    /** The exception for a failed call; {@code version} (may be null) sharpens the error-64 advice. */
    /** The modem does not know the client id the run named (it was reset, or a CTL sync freed every id). */
    public static boolean staleClientId(CommandResult r) {
        return classify(r).map(f -> "InvalidClientId".equals(f.qmiErrorName())).orElse(false);
    }

    public static QmicliException toException(CommandResult r, LibqmiVersion version) {
        QmicliFailure f = classify(r).orElseThrow(() -> new IllegalArgumentException("not a failure: " + r.argv()));
        return new QmicliException(exitCode(f.kind()), message(r, f, version), r, f);
    }

    public static ExitCode exitCode(Kind kind) {
        return switch (kind) {
            case PROGRAM_MISSING, UNKNOWN_OPTION -> ExitCode.TOOL_MISSING;
            case DEVICE_MISSING, MODE_UNKNOWN -> ExitCode.DEVICE_MISSING;
            case IP_FAMILY_BUG -> ExitCode.LIBQMI_BROKEN;
            case CALL_FAILED -> ExitCode.CALL_FAILED;
            case SIM -> ExitCode.SIM_ERROR;
            case TIMED_OUT, SERVICE_UNSUPPORTED, CLIENT_IDS_EXHAUSTED, TRANSACTION_TIMEOUT, ENDPOINT_HANGUP,
                    PROTOCOL_ERROR, OTHER -> ExitCode.MODEM_ERROR;
        };
    }

    private static String message(CommandResult r, QmicliFailure f, LibqmiVersion version) {
        String what = program(r) + " " + action(r.argv());
        String said = f.errorLine() == null ? "" : ": " + f.errorLine().replaceFirst("^error: ", "");
        return switch (f.kind()) {
            case PROGRAM_MISSING -> program(r) + " is not installed (install libqmi-utils)";
            case UNKNOWN_OPTION -> program(r) + (version == null ? "" : " " + version) + " does not know "
                    + action(r.argv()) + said.replaceFirst("^: Unknown option --\\S+", "")
                    + ": this libqmi is too old for it; install a newer libqmi-utils";
            case TIMED_OUT -> what + " did not finish in " + r.duration().toSeconds() + " s and was killed"
                    + " (its client id may leak; qmi-conn releases it with --wds-noop when known)";
            case DEVICE_MISSING -> what + ": the control device is missing or not a character device" + said;
            case MODE_UNKNOWN -> what + ": the device is not bound to qmi_wwan (cannot select QMI/MBIM mode)" + said;
            case IP_FAMILY_BUG -> what + " failed with QMI protocol error 64 (InvalidIpFamilyPreference"
                    + ("(null)".equals(f.qmiErrorName()) ? ", printed as '(null)'" : "") + "): "
                    + VersionPolicy.ipFamilyBugDiagnosis(version);
            case CLIENT_IDS_EXHAUSTED -> what + ": the modem has no free client ids (leaked CIDs)" + said
                    + "; release them with qmicli --wds-noop --client-cid=N, or reset the modem";
            case TRANSACTION_TIMEOUT -> what + ": the modem did not answer (Transaction timed out)"
                    + "; is ModemManager using the port? use the qmi-proxy (-p) or stop ModemManager";
            case ENDPOINT_HANGUP -> what + ": the port was closed under qmicli (endpoint hangup)"
                    + "; another program (ModemManager?) uses it, use the qmi-proxy (-p)";
            case CALL_FAILED -> callFailed(what, said, f);
            default -> what + " failed" + said;
        };
    }

    /** With advice for a known reason: what to do first, then qmicli's own words for reference. */
    private static String callFailed(String what, String said, QmicliFailure f) {
        String reasons = f.callEndReason() == null ? "" : "call end reason: " + f.callEndReason()
                + (f.verboseCallEndReason() == null ? "" : ", " + f.verboseCallEndReason());
        return CallEndReasons.advice(f.callEndReason(), f.verboseCallEndReason())
                .map(advice -> REFUSED + advice + " (" + what + ": " + f.qmiErrorName() + ", " + reasons + ")")
                .orElseGet(() -> what + said + (reasons.isEmpty() ? "" : " (" + reasons + ")"));
    }

    private static QmicliFailure simple(Kind kind, Integer cid, String line) {
        return new QmicliFailure(kind, null, null, null, null, null, null, cid, line);
    }

    private static Integer cid(String text) {
        Matcher m = CID.matcher(text);
        if (!m.find()) {
            return null;
        }
        return number(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** A number from qmicli's text, or null when it does not fit (a failure must never fail to classify). */
    private static Integer number(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lastErrorLine(String text) {
        Matcher m = ERROR_LINE.matcher(text);
        String line = null;
        while (m.find()) {
            line = m.group().strip();
        }
        return line != null ? line : firstLine(text);
    }

    private static String firstLine(String text) {
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                return l.strip();
            }
        }
        return null;
    }

    private static String program(CommandResult r) {
        String p = r.argv().isEmpty() ? "qmicli" : r.argv().get(0);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The qmicli action in an argv, e.g. {@code --wds-start-network=apn='x'} becomes {@code --wds-start-network}. */
    public static String action(List<String> argv) {
        for (String a : argv) {
            if (a.startsWith("--") && !a.startsWith("--client-") && !a.startsWith("--device")) {
                int eq = a.indexOf('=');
                return eq < 0 ? a : a.substring(0, eq);
            }
        }
        return argv.size() > 1 ? String.join(" ", argv.subList(1, argv.size())) : "";
    }
}
