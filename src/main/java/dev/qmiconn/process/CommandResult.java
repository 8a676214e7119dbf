package dev.qmiconn.process;

import java.time.Duration;
import java.util.List;

/** What one finished external program did. A timed-out program was killed; its exit code is then -1. */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut,
                            Duration duration) {

    public CommandResult {
        argv = List.copyOf(argv);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        duration = duration == null ? Duration.ZERO : duration;
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** Throws {@link CommandFailedException} unless the program exited 0 in time. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new CommandFailedException(this);
        }
        return this;
    }
}
