package dev.qmiconn.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A strict runner for tests: each call must match the next recorded argv exactly and in order (and its standard
 * input, when the transcript recorded one: an {@code ip -batch -} script is all in its input). A mismatch
 * throws {@link ReplayMismatchException} with a readable diff; {@link #verifyAllConsumed()} (also run by
 * {@link #close()}) fails when recorded calls were never made.
 */
public final class ReplayingRunner implements CommandRunner, AutoCloseable {

    private final Deque<Transcript> expected;
    private final List<List<String>> made = new ArrayList<>();

    public ReplayingRunner(List<Transcript> transcripts) {
        this.expected = new ArrayDeque<>(transcripts);
    }

    @Override
    public synchronized CommandResult run(CommandSpec spec) {
        made.add(spec.argv());
        Transcript next = expected.peekFirst();
        if (next == null) {
            throw new ReplayMismatchException("unexpected call #" + made.size() + ", no more were recorded:\n"
                    + "  actual:   " + render(spec.argv()));
        }
        if (!next.argv().equals(spec.argv())) {
            throw new ReplayMismatchException("call #" + made.size() + " differs from the recording:\n"
                    + "  expected: " + render(next.argv()) + "\n"
                    + "  actual:   " + render(spec.argv()) + "\n"
                    + "  first difference: " + firstDifference(next.argv(), spec.argv()));
        }
        if (next.stdin() != null && !next.stdin().equals(spec.stdin())) {
            throw new ReplayMismatchException("call #" + made.size() + " (" + render(spec.argv())
                    + ") was given other input than recorded:\n  expected: " + next.stdin().replace("\n", "\\n")
                    + "\n  actual:   " + (spec.stdin() == null ? "(none)" : spec.stdin().replace("\n", "\\n")));
        }
        expected.removeFirst();
        return next.toResult();
    }

    @Override
    public BackgroundProcess start(CommandSpec spec) {
        throw new ReplayMismatchException("background programs cannot be replayed: " + render(spec.argv()));
    }

    /** The argv lists of every call made so far, in order. */
    public synchronized List<List<String>> callsMade() {
        return List.copyOf(made);
    }

    public synchronized void verifyAllConsumed() {
        if (!expected.isEmpty()) {
            StringBuilder sb = new StringBuilder(expected.size() + " recorded call(s) never made:");
            expected.forEach(t -> sb.append("\n  ").append(render(t.argv())));
            throw new ReplayMismatchException(sb.toString());
        }
    }

    @Override
    public void close() {
        verifyAllConsumed();
    }

    private static String render(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "argument " + i + ": expected '" + expected.get(i) + "' but was '" + actual.get(i) + "'";
            }
        }
        return expected.size() > actual.size()
                ? "missing argument " + n + ": '" + expected.get(n) + "'"
                : "extra argument " + n + ": '" + actual.get(n) + "'";
    }

    /** Thrown by the replaying runner; an AssertionError so a test fails with the diff as its message. */
    public static final class ReplayMismatchException extends AssertionError {
        public ReplayMismatchException(String message) {
            super(message);
        }
    }
}
