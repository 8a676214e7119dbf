package dev.qmiconn.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The modem's data calls, at most one per IP family (4 and 6), each owned by the WDS client that started it, and
 * the IP family each WDS client is bound to (WDS Set IP Family; IPv4 until set, as on Qualcomm modems). That
 * binding decides what a client's Get Current Settings and Get Packet Service Status report, which is why
 * ModemManager and uqmi bind each client to its family before starting a dual-stack call. Guarded by
 * {@link ModemState}'s monitor.
 */
final class DataCalls {

    private final Map<Integer, ActiveSession> byFamily = new TreeMap<>();
    private final Map<Integer, Integer> clientFamily = new HashMap<>();

    /** The IPv4 call if up, else the IPv6 one. */
    Optional<ActiveSession> any() {
        return byFamily.values().stream().findFirst();
    }

    Optional<ActiveSession> ofFamily(int family) {
        return Optional.ofNullable(byFamily.get(family));
    }

    Optional<ActiveSession> ownedBy(int cid) {
        return byFamily.values().stream().filter(s -> s.clientId() == cid).findFirst();
    }

    /** The family a WDS client is bound to: 4 unless Set IP Family said 6. */
    int familyOf(int cid) {
        return clientFamily.getOrDefault(cid, 4);
    }

    void bind(int cid, int family) {
        clientFamily.put(cid, family);
    }

    void unbind(int cid) {
        clientFamily.remove(cid);
    }

    void unbindAll() {
        clientFamily.clear();
    }

    void put(ActiveSession s) {
        byFamily.put(s.ipFamily(), s);
    }

    void remove(ActiveSession s) {
        byFamily.remove(s.ipFamily(), s);
    }

    List<ActiveSession> all() {
        return new ArrayList<>(byFamily.values());
    }

    boolean isEmpty() {
        return byFamily.isEmpty();
    }

    int size() {
        return byFamily.size();
    }
}
