package dev.qmiconn.watch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;


import dev.qmiconn.connect.Pacer;
import dev.qmiconn.connect.ParkedWdsId;
import dev.qmiconn.connect.PreflightMemo;
import dev.qmiconn.connect.RadioReadiness;
import dev.qmiconn.connect.SessionState;
import dev.qmiconn.connect.UpFlow;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandRunner;

/**
 * The watch loop's {@code up}. With the service's live view: radio queries on its kept ids, the checks that need
 * no modem remembered ({@link PreflightMemo}), and when the link comes up by request ({@code qmi-conn up} after
 * {@code down}) the radio check skipped if the live view read registration and signal moments ago. A start that
 * then fails (the network went meanwhile: CallFailed, no-service) is retried at once with the full check, so the
 * outcome is what a plain {@code up} would have had. After a drop the full check always runs: the snapshot then
 * predates the drop.
 */
final class ServiceUp {

    /** How much older than one radio refresh a snapshot may be (a poll or two). */
    static final Duration SNAPSHOT_SLACK = Duration.ofSeconds(5);

    private final CommandRunner runner;
    private final Pacer pacer;
    private final PrintWriter quiet;
    private final PreflightMemo preflights = new PreflightMemo();
    private ParkedWdsId parking;

    ServiceUp(CommandRunner runner, Pacer pacer, PrintWriter quiet) {
        this.runner = runner;
        this.pacer = pacer;
        this.quiet = quiet;
    }

    /** The WDS id the service's own {@code down} kept ({@link ParkedWdsId}); null: none is ever kept. */
    void startingOnParked(ParkedWdsId p) {
        this.parking = p;
    }

    ParkedWdsId parking() {
        return parking;
    }

    SessionState run(UpRequest request, Map<String, String> environment, LiveView live, boolean byRequest) {
        Optional<RadioReadiness.Radio> known = live != null && byRequest
                ? live.recentRadio(pacer.now(), SNAPSHOT_SLACK) : Optional.empty();
        if (known.isPresent()) {
            try {
                return flow(environment, live).knowingRadio(known.get()).run(request);
            } catch (QmiConnException e) {
                if (e.exitCode() != ExitCode.CALL_FAILED && e.exitCode() != ExitCode.NO_SERVICE) {
                    throw e;
                }
                Logs.of(ServiceUp.class).debug("start on the live view's radio snapshot failed ({});"
                        + " again with the full radio check", e.getMessage());
            }
        }
        return flow(environment, live).run(request);
    }

    private UpFlow flow(Map<String, String> environment, LiveView live) {
        return new UpFlow(runner, pacer, quiet).withEnvironment(environment)
                .askingRadioOn(live == null ? null : live.radio()).rememberingPreflight(preflights)
                .startingOnParked(parking);
    }
}
