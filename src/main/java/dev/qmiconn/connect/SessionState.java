package dev.qmiconn.connect;

import java.util.List;

/**
 * What {@code up} leaves for {@code down} and {@code status} in {@code STATE_DIR/<dev>.json}: who started the
 * session, the WDS client ids and packet data handles to stop it with, what was configured on the interface,
 * and the libqmi version (so {@code status} need not run {@code qmicli --version} again). Written atomically
 * right after the session starts (phase STARTING) and again once the address is applied (phase UP), so a crash
 * in between still leaves {@code down} what it needs to stop the session and release the client id.
 */
public record SessionState(String device, String iface, String backend, String phase, boolean proxy,
                           List<DataSession> sessions, String ipConfig, String address, Integer prefix,
                           String gateway, List<String> dns, Integer mtu, String ipv6Address, Integer ipv6Prefix,
                           String libqmiVersion, long startedAtEpochSecond, String resolvHead, String resolvConf) {

    public static final String STARTING = "starting";
    public static final String UP = "up";

    public SessionState {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        dns = dns == null ? List.of() : List.copyOf(dns);
    }

    /** One started WDS session: the family it carries, its client id and packet data handle. */
    public record DataSession(String family, int cid, long packetDataHandle) {
    }

    public SessionState up(String how, IpSettings v4, String v6Address, Integer v6Prefix) {
        return new SessionState(device, iface, backend, UP, proxy, sessions, how,
                v4 == null ? null : v4.address(), v4 == null ? null : v4.prefix(),
                v4 == null ? null : v4.gateway(), v4 == null ? dns : v4.dns(), v4 == null ? null : v4.mtu(),
                v6Address, v6Prefix, libqmiVersion, startedAtEpochSecond, resolvHead, resolvConf);
    }

    public SessionState withDns(List<String> servers) {
        return new SessionState(device, iface, backend, phase, proxy, sessions, ipConfig, address, prefix, gateway,
                servers, mtu, ipv6Address, ipv6Prefix, libqmiVersion, startedAtEpochSecond, resolvHead, resolvConf);
    }
}
