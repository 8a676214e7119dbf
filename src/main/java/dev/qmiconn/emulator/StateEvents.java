package dev.qmiconn.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears of the emulated modem's session and presence changes. A change is queued while {@link ModemState}
 * holds its monitor and delivered by {@link #deliver()} after it let go, on the caller's thread, so a listener
 * (the sandbox's DHCP server) never runs inside the modem's lock.
 */
final class StateEvents {

    private final List<Consumer<Optional<EmulatedModem.SessionSettings>>> sessionListeners =
            new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> presenceListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();

    void onSessionChange(Consumer<Optional<EmulatedModem.SessionSettings>> l) {
        sessionListeners.add(l);
    }

    void onDevicePresence(Consumer<Boolean> l) {
        presenceListeners.add(l);
    }

    synchronized void sessionChanged(Optional<EmulatedModem.SessionSettings> settings) {
        pending.add(() -> sessionListeners.forEach(l -> l.accept(settings)));
    }

    synchronized void presenceChanged(boolean present) {
        pending.add(() -> presenceListeners.forEach(l -> l.accept(present)));
    }

    /** Runs what was queued; call without holding the modem's monitor. */
    void deliver() {
        List<Runnable> todo;
        synchronized (this) {
            todo = List.copyOf(pending);
            pending.clear();
        }
        for (Runnable r : todo) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a listener's bug must not take the modem (and qmicli's answer) down with it
                dev.qmiconn.log.Logs.of(ModemState.class).warn("emulator listener failed", e);
            }
        }
    }
}
