package dev.qmiconn.doctor;

import dev.qmiconn.error.ExitCode;

/** How one check came out; ordered from best to worst, so the worst finding decides the exit code. */
public enum Result {
    OK("ok"),
    WARN("warn"),
    FAIL("fail");

    private final String word;

    Result(String word) {
        this.word = word;
    }

    /** The word printed in the text report and used in the JSON ({@code ok}, {@code warn}, {@code fail}). */
    public String word() {
        return word;
    }

    public Result worse(Result other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public ExitCode exitCode() {
        return switch (this) {
            case OK -> ExitCode.OK;
            case WARN -> ExitCode.DOCTOR_WARNINGS;
            case FAIL -> ExitCode.DOCTOR_FAILURES;
        };
    }
}
