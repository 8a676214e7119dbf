package dev.qmiconn.error;

/**
 * A failure the user can act on: a one-line message and the exit code it maps to. The single exception
 * handler in {@link Main} prints the message as {@code qmi-conn: <message>} and exits with the code.
 */
public class QmiConnException extends RuntimeException {

    private final ExitCode exitCode;

    public QmiConnException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public QmiConnException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
