package dev.qmiconn.process;

/**
 * A program that exited non-zero or timed out. Carries the whole result so no failure is ever hidden:
 * the message names the argv, the exit code and the (truncated) output.
 */
public class CommandFailedException extends RuntimeException {

    private static final int MAX_SHOWN = 400;
    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(describe(result));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    static String describe(CommandResult r) {
        String what = r.timedOut()
                ? "timed out after " + r.duration().toMillis() + " ms"
                : "exited " + r.exitCode();
        StringBuilder sb = new StringBuilder(String.join(" ", r.argv())).append(' ').append(what);
        String err = r.stderr().strip();
        String out = r.stdout().strip();
        if (!err.isEmpty()) {
            sb.append(": ").append(truncate(err));
        } else if (!out.isEmpty()) {
            sb.append(": ").append(truncate(out));
        }
        return sb.toString();
    }

    static String truncate(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
    }
}
