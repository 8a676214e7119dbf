package dev.qmiconn.sandbox;

/** The sandbox could not be built or run; the message is one line a person can act on. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
