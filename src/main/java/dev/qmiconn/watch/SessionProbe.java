package dev.qmiconn.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.SessionState;
import dev.qmiconn.connect.StateStore;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.PacketServiceStatus;
import dev.qmiconn.qmi.model.PacketStatistics;

/**
 * One health check of the session {@code up} recorded: is the device there, does the modem still call the
 * session connected, and what do its counters say. Queries reuse the WDS client id {@code up} kept, so a poll
 * every few seconds allocates and releases nothing on the modem.
 */
public final class SessionProbe {

    static final Duration QMICLI_TIMEOUT = Duration.ofSeconds(12);

    private final CommandRunner runner;
    private final String device;
    private final boolean proxy;
    private final StateStore store;

    public SessionProbe(CommandRunner runner, String device, boolean proxy, Paths paths) {
        this.runner = runner;
        this.device = device;
        this.proxy = proxy;
        this.store = new StateStore(paths.stateFile(Paths.deviceName(device)));
    }

    /** What one check found; {@code statistics} is present only while connected. */
    public record Health(boolean connected, String reason, Optional<SessionState> state,
                         Optional<PacketStatistics> statistics) {
    }

    public Health check() {
        Optional<SessionState> state = store.read();
        if (!Files.exists(Path.of(device))) {
            return new Health(false, device + " is gone", state, Optional.empty());
        }
        if (state.isEmpty() || state.get().sessions().isEmpty()) {
            return new Health(false, "no session recorded", state, Optional.empty());
        }
        if (!state.get().isUp()) {
            return new Health(false, "session never finished coming up", state, Optional.empty());
        }
        int cid = state.get().sessions().get(0).cid();
        QmiClient qmi = new QmiClient(runner, device, proxy, QMICLI_TIMEOUT);
        try {
            PacketServiceStatus status = qmi.packetServiceStatus(cid);
            if (!status.connected()) {
                return new Health(false, "modem reports " + status.status().qmicli(), state, Optional.empty());
            }
            return new Health(true, "connected", state, Optional.of(qmi.packetStatistics(cid)));
        } catch (QmiConnException e) {
            return new Health(false, e.getMessage(), state, Optional.empty());
        }
    }
}
