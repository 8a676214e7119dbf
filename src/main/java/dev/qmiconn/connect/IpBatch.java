package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * One {@code ip FAMILY -force -batch -} run: the lines are its standard input, and what each refused line said is
 * read back from stderr, where iproute2 (checked with 6.1) prints the command's own error and then
 * {@code Command failed -:N} (N: the line number), and exits 1 when any line failed:
 * <pre>
 * Error: ipv4: Address already assigned.
 * Command failed -:2
 * </pre>
 * The family is a global option: inside a batch a line cannot start with {@code -4}.
 */
final class IpBatch {

    private static final Pattern FAILED = Pattern.compile("^Command failed -:(\\d+)\\s*$");

    /** A line ip refused, and what it said about it. */
    record Refusal(String line, String message) {
    }

    /** The run: its exit code and stderr, and the refused lines (the whole run as one if ip named none). */
    record Outcome(String family, int exitCode, String stderr, List<Refusal> refusals) {

        /** {@code ip -4 LINE: message} per refusal, for a best-effort caller's list of what failed. */
        List<String> describe() {
            return refusals.stream().map(r -> "ip " + family + " " + r.line() + ": " + r.message().strip()).toList();
        }
    }

    private IpBatch() {
    }

    static List<String> argv(String family) {
        return List.of("ip", family, "-force", "-batch", "-");
    }

    static Outcome run(CommandRunner runner, String family, List<String> lines) {
        CommandResult r = runner.run(CommandSpec.of(argv(family)).withStdin(String.join("\n", lines) + "\n"));
        return new Outcome(family, r.exitCode(), r.stderr(), r.succeeded() ? List.of()
                : refusals(lines, r.stderr()));
    }

    /** Each {@code Command failed -:N} with the message lines printed since the previous one. */
    static List<Refusal> refusals(List<String> lines, String stderr) {
        List<Refusal> found = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (String l : stderr.split("\n")) {
            Matcher m = FAILED.matcher(l);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                String line = n >= 1 && n <= lines.size() ? lines.get(n - 1) : "line " + n;
                found.add(new Refusal(line, message.toString().strip()));
                message.setLength(0);
            } else if (!l.isBlank()) {
                message.append(l).append('\n');
            }
        }
        if (found.isEmpty()) { // ip itself failed (missing, killed, an option this ip lacks): nothing was done
            found.add(new Refusal("-batch", stderr.isBlank() ? "failed without a message" : stderr.strip()));
        }
        return found;
    }
}
