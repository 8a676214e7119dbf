package dev.qmiconn.qmi;

import java.util.List;
import java.util.Optional;

/**
 * What to do when the network refuses the data call, one line per call end reason users meet. After
 * {@code QMI protocol error (14): 'CallFailed'} qmicli prints a generic and a verbose reason; the verbose one
 * (the network's own 3GPP cause, or the modem's) says more, so it is looked up first:
 * <pre>
 * call end reason (1): generic-unspecified
 * verbose call end reason (6,33): [3gpp] option-unsubscribed
 * </pre>
 * The names are libqmi 1.32.2's, read from {@code qmi_wds_verbose_call_end_reason_get_string} and from qmicli
 * against the emulator's call-failed faults (e.g. 3GPP cause 29 prints {@code [3gpp] authentication-failed},
 * not {@code user-authentication-failed}; IPv6 reason 3 prints {@code [ipv6] disabled}). docs/TROUBLESHOOTING.md
 * quotes every advice line; a test keeps the two equal.
 */
public final class CallEndReasons {

    /** One advice line and the reasons (verbose {@code [type] name} or generic {@code name}) it answers. */
    public record Advice(String text, List<String> reasons) {
    }

    public static final List<Advice> ADVICE = List.of(
            new Advice("the network does not know this APN: check --apn against your carrier's data APN"
                    + " (Metro PCS: fast.metropcs.com, FreedomPOP: fp.com.attz)",
                    List.of("[3gpp] unknown-apn", "gsm-wcdma-unknown-apn", "[internal] apn-mismatch",
                            "[internal] apn-format-invalid", "[internal] null-apn-disallowed")),
            new Advice("the SIM has no data plan for this APN: check that the account is active with data left,"
                    + " and that --apn is the plan's APN",
                    List.of("[3gpp] option-unsubscribed", "gsm-wcdma-option-unsubscribed")),
            new Advice("the carrier has barred data on this SIM (suspended, unpaid or used up): check the account",
                    List.of("[3gpp] operator-determined-barring", "gsm-wcdma-operator-determined-barring")),
            new Advice("the APN's user name or password was refused: check --user, --password and --auth"
                    + " (pap, chap or both) with your carrier; Metro PCS and FreedomPOP need none",
                    List.of("[3gpp] authentication-failed", "[ppp] authentication-failure",
                            "generic-authentication-failed")),
            new Advice("the modem is not on a network: wait for signal (qmi-conn status shows registration and"
                    + " bars), check the antenna and coverage, or allow longer with --timeout",
                    List.of("[cm] no-service", "generic-no-service", "gsm-wcdma-no-service", "[cm] fade")),
            new Advice("the network refuses data while roaming here: use a SIM of the network you are on, or ask"
                    + " the carrier to allow data roaming",
                    List.of("[internal] apn-disallowed-on-roaming", "[internal] data-roaming-settings-disabled",
                            "[cm] roaming-not-allowed-in-tracking-area", "[cm] plmn-not-allowed")),
            new Advice("the network is busy: try again in a few minutes (qmi-conn watch retries by itself)",
                    List.of("[3gpp] insufficient-resources", "[3gpp] option-temporarily-out-of-order",
                            "[cm] access-attempt-in-progress")),
            new Advice("no IPv6 on this network or modem: use --ip-type 4",
                    List.of("[ipv6] disabled", "[internal] pdn-ipv6-call-disallowed", "[3gpp] ipv4-only-allowed")),
            new Advice("this network gives IPv6 only: use --ip-type 6",
                    List.of("[internal] pdn-ipv4-call-disallowed", "[3gpp] ipv6-only-allowed")),
            new Advice("the network rejected the session without a reason: check --apn and the account; if it"
                    + " repeats, cycle the radio (qmi-conn watch does) or replug the modem",
                    List.of("[3gpp] activation-reject", "[3gpp] ggsn-reject", "[3gpp] option-not-supported")));

    private CallEndReasons() {
    }

    /** The advice for a refused call, from the verbose reason if known, else the generic one. */
    public static Optional<String> advice(String callEndReason, String verboseCallEndReason) {
        return find(verboseCallEndReason).or(() -> find(callEndReason));
    }

    private static Optional<String> find(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        String r = reason.strip();
        return ADVICE.stream().filter(a -> a.reasons().contains(r)).map(Advice::text).findFirst();
    }
}
