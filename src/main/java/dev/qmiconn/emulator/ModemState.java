package dev.qmiconn.emulator;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the emulated modem remembers: client ids, the data calls (one per IP family, {@link DataCalls}),
 * PIN, operating mode, registration and the fault timeline. All access is under this object's monitor; listeners
 * are called after the change, outside it, on the caller's thread.
 */
final class ModemState {

    /** QmiDmsOperatingMode values the emulator knows. */
    static final int MODE_ONLINE = 0;
    static final int MODE_LOW_POWER = 1;
    static final int MODE_RESET = 4;

    /** The first packet data handle this modem gives out; later calls count up by 0x100. */
    static final long FIRST_HANDLE = 0xD8A0_2F01L;

    final Scenario scenario;
    private final Clock clock;
    private final long startMillis;

    private boolean present = true;
    private double onlineSince;
    private int operatingMode = MODE_ONLINE;
    private final ClientIdTable clientIds;
    private long allocations;
    private final SimCard sim;
    private final LinkLayerFormat linkLayer;
    private final DataCalls calls = new DataCalls();
    private long lastHandle;
    private double noServiceUntil = -1;
    private final FaultCounts fired = new FaultCounts();
    private final Packets packets = new Packets();

    private final StateEvents events = new StateEvents();

    ModemState(Scenario scenario, Clock clock) {
        this.scenario = scenario;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.sim = new SimCard(scenario.sim());
        this.clientIds = new ClientIdTable(scenario.clientIdLimit());
        this.linkLayer = new LinkLayerFormat(scenario.data().linkLayer());
        powerOn();
    }

    /** Seconds since the emulator started, on the injected clock. */
    synchronized double now() {
        return (clock.millis() - startMillis) / 1000.0;
    }

    /** A fresh power-on: what a real dongle looks like after being plugged in again. */
    private void powerOn() {
        onlineSince = now();
        operatingMode = MODE_ONLINE;
        clientIds.reset();
        calls.unbindAll();
        sim.powerOn();
        linkLayer.powerOn(scenario.data().linkLayer());
        endSession();
        packets.reset();
    }

    /** Applies whatever the timeline says should have happened by now; then runs listeners. */
    void tick() {
        synchronized (this) {
            double t = now();
            for (Fault f : scenario.faults()) {
                if (f.type() == Fault.Type.DEVICE_VANISH) {
                    vanishOrReturn(f, t);
                } else if (f.type() == Fault.Type.SESSION_DROP && !calls.isEmpty()
                        && t - calls.any().get().startedAt() >= f.afterSessionSeconds() && f.activeAt(t)
                        && fired.mayFire(f)) {
                    fired.fire(f);
                    noServiceUntil = t + f.recoverAfterSeconds();
                    endSession();
                }
            }
        }
        runPending();
    }

    /**
     * The network ends the call now, as a session-drop fault would, and gives no service for {@code noServiceSeconds}
     * (a start within that gap fails with no-service); for drops a test provokes at a moment of its choosing.
     */
    void dropNow(double noServiceSeconds) {
        synchronized (this) {
            noServiceUntil = now() + noServiceSeconds;
            endSession();
        }
        runPending();
    }

    private void vanishOrReturn(Fault f, double t) {
        int count = fired.count(f);
        if (present && count == 0 && t >= f.fromSeconds()) {
            fired.set(f, 1);
            present = false;
            endSession();
            clientIds.releaseAll();
            events.presenceChanged(false);
        } else if (!present && count == 1 && f.returnAtSeconds() != null && t >= f.returnAtSeconds()) {
            fired.set(f, 2);
            present = true;
            powerOn();
            events.presenceChanged(true);
        }
    }

    /** The counts of the fault timeline (a fault with {@code times} fires that often). */
    FaultCounts faults() {
        return fired;
    }

    /** The first active fault of that type which may still fire, not yet counted. */
    Optional<Fault> activeFault(Fault.Type type) {
        double t = now();
        return scenario.faults().stream().filter(f -> f.type() == type && f.activeAt(t) && fired.mayFire(f))
                .findFirst();
    }

    void runPending() {
        events.deliver();
    }

    synchronized boolean present() {
        return present;
    }

    synchronized int operatingMode() {
        return operatingMode;
    }

    synchronized void setOperatingMode(int mode) {
        if (mode == MODE_RESET) {
            powerOn();
            return;
        }
        if (mode != MODE_ONLINE) {
            endSession();
        } else if (operatingMode != MODE_ONLINE) {
            onlineSince = now();
        }
        operatingMode = mode;
    }

    synchronized boolean simReady() {
        return sim.ready();
    }

    /** Registered on the network: online, SIM unlocked, registration delay over, not in a no-service gap. */
    synchronized boolean registered() {
        double t = now();
        Radio r = scenario.radio();
        return present && operatingMode == MODE_ONLINE && simReady() && r.registers()
                && t - onlineSince >= r.registrationSeconds() && t >= noServiceUntil;
    }

    /** Registered on a visited network: the scenario's radio says so, or a roaming window is open now. */
    synchronized boolean roaming() {
        double t = now();
        return scenario.radio().roaming()
                || scenario.faults().stream().anyMatch(f -> f.type() == Fault.Type.ROAMING && f.activeAt(t));
    }

    /** Still looking for a network (as opposed to radio off or no SIM). */
    synchronized boolean searching() {
        return operatingMode == MODE_ONLINE && simReady() && !registered();
    }

    synchronized SimCard.Pins pins() {
        return sim.pins();
    }

    /** Verifies PIN1; once unlocked the registration delay starts counting. */
    synchronized QmiError verifyPin(String pin) {
        boolean wasReady = sim.ready();
        QmiError result = sim.verify(pin);
        if (!wasReady && sim.ready()) {
            onlineSince = now();
        }
        return result;
    }

    /** Allocates the next free client id of a service (modems count up and wrap), or empty when exhausted. */
    synchronized Optional<Integer> allocateClientId(int service) {
        allocations++;
        return clientIds.allocate(service);
    }

    /** Releases a client id; a WDS client that owned the data call takes the call down with it. */
    synchronized boolean releaseClientId(int service, int cid) {
        if (!clientIds.release(service, cid)) {
            return false;
        }
        if (service == WdsService.SERVICE) {
            calls.ownedBy(cid).ifPresent(this::endSession);
            calls.unbind(cid);
        }
        return true;
    }

    /** CTL Sync: every client id of every service goes, and with them the data call. */
    synchronized void releaseAllClientIds() {
        clientIds.releaseAll();
        calls.unbindAll();
        endSession();
    }

    synchronized boolean hasClientId(int service, int cid) {
        return clientIds.has(service, cid);
    }

    synchronized long allocations() { // asked for so far, granted or not
        return allocations;
    }

    synchronized int liveClientIds() {
        return clientIds.count();
    }

    /** The IPv4 call if up, else the IPv6 one. */
    synchronized Optional<ActiveSession> session() {
        return calls.any();
    }

    synchronized Optional<ActiveSession> session(int family) {
        return calls.ofFamily(family);
    }

    synchronized Optional<ActiveSession> sessionOwnedBy(int cid) {
        return calls.ownedBy(cid);
    }

    synchronized int liveSessions() {
        return calls.size();
    }

    /** WDS Set IP Family: the family this client's start, settings and status are about. */
    synchronized void bindClientFamily(int cid, int family) {
        calls.bind(cid, family);
    }

    synchronized int clientFamily(int cid) {
        return calls.familyOf(cid);
    }

    synchronized ActiveSession startSession(int cid, int ipFamily, String apn, int auth, String username) {
        lastHandle = lastHandle == 0 ? FIRST_HANDLE : (lastHandle + 0x100) & 0xFFFFFFFFL;
        boolean first = calls.isEmpty();
        ActiveSession s = new ActiveSession(lastHandle, cid, now(), ipFamily, apn, auth, username);
        calls.put(s);
        if (first) {
            // the counters and the sandbox's DHCP server follow the link: up with the first call
            packets.sessionStarted(now());
            EmulatedModem.SessionSettings settings = settingsOf(s);
            events.sessionChanged(Optional.of(settings));
        }
        return s;
    }

    /** Every call goes (radio off, sync, device gone, a drop). */
    synchronized void endSession() {
        calls.all().forEach(this::endSession);
    }

    synchronized void endSession(ActiveSession s) {
        calls.remove(s);
        if (calls.isEmpty()) {
            packets.sessionEnded(now());
            events.sessionChanged(Optional.empty());
        }
    }

    synchronized long lastHandle() {
        return lastHandle;
    }

    synchronized Packets.Counters packetCounters() {
        return packets.at(now());
    }

    /** The data format, set by CTL and WDA and reset at power-on. */
    LinkLayerFormat linkLayer() {
        return linkLayer;
    }

    EmulatedModem.SessionSettings settingsOf(ActiveSession s) {
        Data.Ipv4 v4 = scenario.data().ipv4();
        return new EmulatedModem.SessionSettings(v4.address(), v4.prefix(), v4.gateway(), v4.dns1(), v4.dns2(),
                v4.mtu());
    }

    /** Where listeners of session and presence changes register. */
    StateEvents events() {
        return events;
    }
}
