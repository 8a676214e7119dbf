package dev.qmiconn.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * How often each fault of the scenario's timeline has fired, so a fault with {@code times} stops after that many
 * (a device that vanishes counts 1 when gone and 2 once back).
 */
final class FaultCounts {

    private final Map<Fault, Integer> fired = new HashMap<>();

    synchronized boolean mayFire(Fault f) {
        return f.times() == null || fired.getOrDefault(f, 0) < f.times();
    }

    synchronized void fire(Fault f) {
        fired.merge(f, 1, Integer::sum);
    }

    synchronized int count(Fault f) {
        return fired.getOrDefault(f, 0);
    }

    synchronized void set(Fault f, int count) {
        fired.put(f, count);
    }
}
