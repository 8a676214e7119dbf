package dev.qmiconn.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The client ids the emulated modem has handed out, per QMI service. Ids count up and wrap at 254 as on real
 * modems, and a scenario's limit makes allocation fail as {@code ClientIdsExhausted}. Not thread-safe:
 * {@link ModemState} guards it.
 */
final class ClientIdTable {

    private final Map<Integer, TreeSet<Integer>> live = new HashMap<>();
    private final Map<Integer, Integer> last = new HashMap<>();
    private final Integer limit;

    /** {@code limit}: the most live ids a service may have (null: only the protocol's 254). */
    ClientIdTable(Integer limit) {
        this.limit = limit;
    }

    /** The next free id of {@code service}, or empty when exhausted. */
    Optional<Integer> allocate(int service) {
        TreeSet<Integer> ids = live.computeIfAbsent(service, s -> new TreeSet<>());
        if ((limit != null && ids.size() >= limit) || ids.size() >= 254) {
            return Optional.empty();
        }
        int cid = last.getOrDefault(service, 0);
        do {
            cid = cid % 254 + 1;
        } while (ids.contains(cid));
        ids.add(cid);
        last.put(service, cid);
        return Optional.of(cid);
    }

    boolean release(int service, int cid) {
        TreeSet<Integer> ids = live.get(service);
        return ids != null && ids.remove(cid);
    }

    boolean has(int service, int cid) {
        TreeSet<Integer> ids = live.get(service);
        return ids != null && ids.contains(cid);
    }

    int count() {
        return live.values().stream().mapToInt(TreeSet::size).sum();
    }

    /** Every id goes (CTL sync, device gone); the counters go on where they were. */
    void releaseAll() {
        live.clear();
    }

    /** A power-on: no ids, and counting starts again at 1. */
    void reset() {
        live.clear();
        last.clear();
    }
}
