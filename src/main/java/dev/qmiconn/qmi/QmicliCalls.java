package dev.qmiconn.qmi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.qmi.parse.QmicliParseException;

/**
 * How {@link QmiClient} runs one qmicli action: the argv for this device and its kept ids, the timeout, a failure
 * turned into a {@link QmicliException} naming the libqmi version, success handed to a pure parser. With
 * {@code freshOnStale}, an action the modem refuses with InvalidClientId on a kept id (reset, CTL sync since the
 * id was kept) is asked once more on a fresh id.
 */
final class QmicliCalls {

    private final CommandRunner runner;
    private final QmicliArgv argv;
    private final Duration timeout;
    private final boolean freshOnStale;
    private volatile LibqmiVersion version;

    QmicliCalls(CommandRunner runner, QmicliArgv argv, Duration timeout, LibqmiVersion known, boolean freshOnStale) {
        this.runner = runner;
        this.argv = argv;
        this.timeout = timeout;
        this.version = known;
        this.freshOnStale = freshOnStale;
    }

    QmicliCalls keeping(Map<String, Integer> kept, boolean orFresh) {
        return new QmicliCalls(runner, argv.keeping(kept), timeout, knownVersion(), orFresh);
    }

    QmicliCalls orFresh() {
        return new QmicliCalls(runner, argv, timeout, knownVersion(), true);
    }

    private LibqmiVersion knownVersion() {
        return version;
    }

    /** {@code qmicli --version} (no device needed); asked once. */
    synchronized LibqmiVersion version() {
        if (version == null) {
            CommandResult r = runner.run(CommandSpec.of("qmicli", "--version").withTimeout(timeout));
            if (!r.succeeded()) {
                throw QmicliErrors.toException(r, null);
            }
            version = LibqmiVersion.parse(r.stdout());
        }
        return version;
    }

    List<String> argv(String... action) {
        return argv.of(action);
    }

    <T> T call(Function<String, T> parser, String... action) {
        List<String> line = argv(action);
        CommandResult r = runner.run(CommandSpec.of(line).withTimeout(timeout));
        if (freshOnStale && !r.succeeded() && QmicliErrors.staleClientId(r)) {
            List<String> fresh = argv.keeping(Map.of()).of(action);
            if (!fresh.equals(line)) {
                r = runner.run(CommandSpec.of(fresh).withTimeout(timeout));
            }
        }
        LibqmiVersion known = knownVersion();
        if (!r.succeeded()) {
            throw QmicliErrors.toException(r, known);
        }
        try {
            return parser.apply(r.stdout());
        } catch (QmicliParseException e) {
            throw known == null ? e : e.onLibqmi(known.text());
        }
    }
}
