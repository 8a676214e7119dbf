package dev.qmiconn.connect;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What is on the modem and the interface because of qmi-conn, in {@code STATE_DIR/<dev>.json}: the one record
 * that {@code up}, {@code down}, {@code status} and the service share. It is written (atomically) BEFORE each
 * step that changes the modem, so a kill at any instant leaves a file that names everything to undo:
 * <ul>
 * <li>{@code pending}: a client id is being allocated for this service right now. If the file still says so on
 *     the next run, the id qmicli got is unknown, and only a CTL sync ({@code --device-open-sync}) releases it.
 * <li>{@code clientIds}: every client id allocated and not yet released, recorded before it is used.
 * <li>{@code sessions}: started data calls (family, client id, packet data handle).
 * <li>{@code addressing} and {@code dns}: what was applied to the interface and the resolver files.
 * </ul>
 * Format 2; {@link StateStore} still reads the flat format-1 files earlier versions wrote.
 */
public record SessionState(int format, Link link, Phase phase, String pending, List<ClientId> clientIds,
                           List<DataSession> sessions, Addressing addressing, DnsFiles dnsFiles) {

    public static final int FORMAT = 2;

    public SessionState {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** How far {@code up} got. */
    public enum Phase {
        /** Client ids are being allocated or the data call is being started. */
        @com.fasterxml.jackson.annotation.JsonProperty("starting") STARTING,
        /** The data call is up and the interface configured. */
        @com.fasterxml.jackson.annotation.JsonProperty("up") UP,
        /** No data call: only kept client ids (the service between sessions, or after {@code down}). */
        @com.fasterxml.jackson.annotation.JsonProperty("idle") IDLE
    }

    /** Which modem and interface, how the session was started, and when. */
    public record Link(String device, String iface, String backend, boolean proxy, String libqmiVersion,
                       long startedAtEpochSecond) {
    }

    /** One client id of a QMI service ({@code wds}, {@code nas}, {@code uim}, {@code dms}, {@code wda}). */
    public record ClientId(String service, int cid) {
    }

    /** One started WDS session: the family it carries, its client id and packet data handle. */
    public record DataSession(String family, int cid, long packetDataHandle) {
    }

    /** What was configured on the interface: IPv4 by {@code source} (dhcp, static, none), and IPv6. */
    public record Addressing(String source, String address, Integer prefix, String gateway, List<String> dns,
                             Integer mtu, String ipv6Address, Integer ipv6Prefix) {
        public Addressing {
            dns = dns == null ? List.of() : List.copyOf(dns);
        }
    }

    /** The files that hold our DNS block (resolvConf only with {@code --dns-apply}). */
    public record DnsFiles(String resolvHead, String resolvConf) {
    }

    /** A fresh record for {@code link}: nothing allocated yet. */
    public static SessionState begin(Link link, DnsFiles dnsFiles) {
        return new SessionState(FORMAT, link, Phase.STARTING, null, List.of(), List.of(), null, dnsFiles);
    }

    /** About to allocate a client id of {@code service}: written before the qmicli call that allocates it. */
    public SessionState allocating(String service) {
        return new SessionState(format, link, phase, service, clientIds, sessions, addressing, dnsFiles);
    }

    /** {@code cid} of {@code service} is allocated (and the pending marker cleared). */
    public SessionState allocated(String service, int cid) {
        List<ClientId> ids = new ArrayList<>(clientIds);
        ids.add(new ClientId(service, cid));
        return new SessionState(format, link, phase, null, ids, sessions, addressing, dnsFiles);
    }

    /** {@code cid} of {@code service} was released: no longer ours to undo. */
    public SessionState released(String service, int cid) {
        List<ClientId> ids = new ArrayList<>(clientIds);
        ids.remove(new ClientId(service, cid));
        List<DataSession> ss = sessions.stream().filter(s -> !("wds".equals(service) && s.cid() == cid)).toList();
        return new SessionState(format, link, phase, pending, ids, ss, addressing, dnsFiles);
    }

    public SessionState withSession(DataSession s) {
        List<DataSession> ss = new ArrayList<>(sessions);
        ss.add(s);
        return new SessionState(format, link, phase, pending, clientIds, ss, addressing, dnsFiles);
    }

    public SessionState withLink(Link l) {
        return new SessionState(format, l, phase, pending, clientIds, sessions, addressing, dnsFiles);
    }

    public SessionState up(Addressing a) {
        return new SessionState(format, link, Phase.UP, pending, clientIds, sessions, a, dnsFiles);
    }

    /** The data call and addressing are gone; kept client ids (if any) stay recorded. */
    public SessionState idle() {
        return new SessionState(format, link, Phase.IDLE, pending, clientIds, List.of(), null, dnsFiles);
    }

    /** The client id recorded for {@code service} that carries no data session (a kept query client). */
    public java.util.Optional<Integer> keptCid(String service) {
        return clientIds.stream().filter(c -> c.service().equals(service))
                .filter(c -> sessions.stream().noneMatch(s -> "wds".equals(service) && s.cid() == c.cid()))
                .map(ClientId::cid).findFirst();
    }

    /** Whether anything on the modem or the interface still needs undoing. */
    @JsonIgnore
    public boolean holdsAnything() {
        return pending != null || !clientIds.isEmpty() || !sessions.isEmpty() || addressing != null;
    }

    // Short accessors for the many readers of the link and addressing parts.

    public String device() {
        return link.device();
    }

    public String iface() {
        return link.iface();
    }

    public String backend() {
        return link.backend();
    }

    public boolean proxy() {
        return link.proxy();
    }

    public String libqmiVersion() {
        return link.libqmiVersion();
    }

    public long startedAtEpochSecond() {
        return link.startedAtEpochSecond();
    }

    @JsonIgnore
    public boolean isUp() {
        return phase == Phase.UP;
    }
}
