package dev.qmiconn.qmi;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;

/**
 * The one typed error for a failed qmicli call. Carries the {@link CommandResult} (argv, exit code, output)
 * and the parsed {@link QmicliFailure}; its {@link ExitCode} follows from the kind. Built by
 * {@link QmicliErrors#classify}.
 */
public final class QmicliException extends QmiConnException {

    private final transient CommandResult result;
    private final QmicliFailure failure;

    public QmicliException(ExitCode exitCode, String message, CommandResult result, QmicliFailure failure) {
        super(exitCode, message);
        this.result = result;
        this.failure = failure;
    }

    /** Classifies a failed result; see {@link QmicliErrors}. */
    public static QmicliException from(CommandResult result) {
        return QmicliErrors.toException(result, null);
    }

    public CommandResult result() {
        return result;
    }

    public QmicliFailure failure() {
        return failure;
    }

    public QmicliFailure.Kind kind() {
        return failure.kind();
    }

    /** The WDS client id a failed start left allocated (to release with --wds-noop), or null. */
    public Integer cid() {
        return failure.cid();
    }
}
