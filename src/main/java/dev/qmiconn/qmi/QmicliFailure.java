package dev.qmiconn.qmi;

/**
 * What a failed qmicli call said, as data (for JSON fixtures, doctor and status): the kind, the QMI
 * protocol error (code and name; the name may be {@code (null)} on libqmi &lt; 1.22), the call end reasons
 * of a failed {@code --wds-start-network}, the service a client could not be created for, and the WDS client
 * id qmicli printed as not released (a failed start with {@code --client-no-release-cid} still prints it).
 */
public record QmicliFailure(Kind kind, Integer qmiErrorCode, String qmiErrorName, Integer callEndReasonCode,
                            String callEndReason, String verboseCallEndReason, String service, Integer cid,
                            String errorLine) {

    /** The closed set of ways qmicli fails. */
    public enum Kind {
        /** The program is not installed (exit 127 from the runner). */
        PROGRAM_MISSING,
        /**
         * {@code error: Unknown option --X} (1.16.0 to 1.32 alike): this qmicli is too old for the action, a
         * property of the installed tool, not of the modem.
         */
        UNKNOWN_OPTION,
        /** qmi-conn's own timeout killed qmicli (its client id leaks). */
        TIMED_OUT,
        /** The control device does not exist or is not a character device. */
        DEVICE_MISSING,
        /** {@code Cannot automatically select QMI/MBIM mode}: sysfs does not say qmi_wwan. */
        MODE_UNKNOWN,
        /** {@code couldn't create client for the 'X' service: ... 'InvalidServiceType'} (no WDA on E397u-53). */
        SERVICE_UNSUPPORTED,
        /** Every client id of a service is taken (leaked CIDs); only --sync or a modem reset recovers. */
        CLIENT_IDS_EXHAUSTED,
        /** The modem did not answer within qmicli's ~10 s. */
        TRANSACTION_TIMEOUT,
        /** Another process (ModemManager) closed or took the port. */
        ENDPOINT_HANGUP,
        /** QMI protocol error 64 on start: the libqmi 1.16.1-1.17.0 IP-family bug. */
        IP_FAMILY_BUG,
        /** {@code --wds-start-network} failed (CallFailed, with call end reasons when printed). */
        CALL_FAILED,
        /** A PIN or SIM error (IncorrectPin, PinBlocked, UimUninitialized, ...). */
        SIM,
        /** Any other QMI protocol error. */
        PROTOCOL_ERROR,
        /** Failed without a message qmi-conn recognises. */
        OTHER
    }
}
