package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsBlock;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;

/**
 * {@code qmi-conn down}: stops what {@code up} started, from its state file. Without one it still looks for a
 * session qmi-network left ({@code /tmp/qmi-network-state-<dev>}) and stops that. Nothing to stop is success, so
 * a second {@code down} exits 0. udhcpc ran with {@code -q} (it quit after the lease), so no DHCP client is left
 * to stop; addresses and routes are flushed here.
 */
public final class DownFlow {

    private final CommandRunner runner;
    private final PrintWriter out;
    private ParkedWdsId parking;

    public DownFlow(CommandRunner runner, PrintWriter out) {
        this.runner = runner;
        this.out = out;
    }

    /** The service's own {@code down}: the session's WDS id is kept for its next {@code up} ({@link ParkedWdsId}). */
    public DownFlow parkingWdsIn(ParkedWdsId p) {
        this.parking = p;
        return this;
    }

    /**
     * {@code iface} (may be null) must be the device's; it is flushed only for a session qmi-network left
     * without naming one. With no session nothing is flushed: an address on an interface no session of ours
     * configured is not ours to remove.
     */
    public void run(String device, String iface, boolean proxy, Paths paths) {
        String name = Paths.deviceName(device);
        Sysfs sysfs = new Sysfs(paths.sysfsRoot());
        if (iface != null) {
            sysfs.requireIfaceOf(name, device, iface, false);
        }
        try (DeviceLock lock = DeviceLock.acquire(paths.stateDir(), name, device)) {
            StateStore store = new StateStore(paths.stateFile(name));
            StateRecovery recovery = new StateRecovery(store, device, paths, out);
            Optional<SessionState> saved = recovery.read();
            QmiClient qmi = UpFlow.clientFor(runner, device, proxy, saved);
            NetConfig net = new NetConfig(runner);
            QmiNetworkBackend qmiNetwork = new QmiNetworkBackend(runner, paths);
            Dns dns = new Dns(runner, paths.stateDir());
            Teardown teardown = new Teardown(qmi, qmiNetwork, net, dns);
            String strayIface = iface != null ? iface : sysfs.ifaceOf(name).orElse(null);
            SessionState state = saved.or(() -> strayQmiNetworkSession(device, strayIface, proxy, paths))
                    .orElse(null);
            if (state == null) {
                dns.revert(name);
                DnsBlock.remove(paths.resolvHead(), name);
                List<String> problems = new ArrayList<>();
                String kept = releaseServiceIds(device, paths, teardown, problems);
                failIfAny(problems, device, paths.serviceIdsFile(name));
                out.println(device + " is already down (no session recorded in " + store.file() + ")" + kept);
                out.flush();
                return;
            }
            List<String> problems = new ArrayList<>(recovery.damaged()
                    ? recovery.undo(state, teardown, qmi, proxy || state.proxy())
                    : new Teardown(qmi, qmiNetwork, net, dns).parkingIn(parking)
                    .undo(new SessionRecord(store, state)));
            String kept = releaseServiceIds(device, paths, teardown, problems);
            if (!problems.isEmpty()) {
                throw new QmiConnException(ExitCode.MODEM_ERROR, "could not stop everything on " + device + ": "
                        + String.join("; ", problems) + " (state kept in " + store.file() + "; run down again)");
            }
            out.println(device + " is down (" + (recovery.damaged() ? "every client id released"
                    : UpReport.describe(state) + " stopped")
                    + (state.iface() == null ? "" : ", " + state.iface() + " flushed") + ")" + kept);
            out.flush();
        }
    }

    /**
     * The query client ids a service keeps (NAS, UIM, DMS in {@code <dev>.service.json}) outlive it when it is
     * killed (kill -9, OOM, power cut) until a service starts again. With no service running, down releases them
     * too and removes the record, so "down" means no client id held; a one-shot {@code up} does the same before it
     * allocates its own. Returns what to add to the line said.
     */
    static String releaseServiceIds(String device, Paths paths, Teardown teardown, List<String> problems) {
        String name = Paths.deviceName(device);
        if (!java.nio.file.Files.exists(paths.serviceIdsFile(name))) {
            return "";
        }
        Optional<DeviceLock> free = DeviceLock.acquireServiceIfFree(paths.stateDir(), name, device);
        if (free.isEmpty()) {
            return ""; // a service runs: the ids are its own
        }
        try (DeviceLock service = free.get()) {
            StateStore store = new StateStore(paths.serviceIdsFile(name));
            Optional<SessionRecord> rec;
            try {
                rec = SessionRecord.load(store);
            } catch (StateStore.DamagedStateException e) {
                problems.add(e.getMessage());
                return "";
            }
            if (rec.isEmpty()) {
                return "";
            }
            int ids = rec.get().state().clientIds().size();
            List<String> left = teardown.undo(rec.get());
            problems.addAll(left);
            return left.isEmpty() && ids > 0 ? "; released the " + ids + " client id" + (ids == 1 ? "" : "s")
                    + " a stopped service kept" : "";
        }
    }

    private static void failIfAny(List<String> problems, String device, java.nio.file.Path record) {
        if (!problems.isEmpty()) {
            throw new QmiConnException(ExitCode.MODEM_ERROR, "could not stop everything on " + device + ": "
                    + String.join("; ", problems) + " (state kept in " + record + "; run down again)");
        }
    }

    /** A session started by qmi-network itself (the guide's stanza), known only from qmi-network's state file. */
    static Optional<SessionState> strayQmiNetworkSession(String device, String iface, boolean proxy,
                                                                 Paths paths) {
        String name = Paths.deviceName(device);
        return QmiNetworkBackend.readState(paths.qmiNetworkState(name)).map(s -> SessionState.begin(
                new SessionState.Link(device, iface, "qmi-network", proxy, null, 0),
                new SessionState.DnsFiles(paths.resolvHead().toString(), null))
                .allocated("wds", s.cid()).withSession(s));
    }
}
