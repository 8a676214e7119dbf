package dev.qmiconn.emulator;

import java.util.List;

/**
 * The packet data side: which calls the network accepts and what a session hands out.
 *
 * @param apns      APNs accepted (case-insensitive); empty accepts any; the first is the default profile's
 * @param auth      {@code none}, {@code pap} or {@code chap}: what the network insists on
 * @param username  with pap/chap
 * @param password  with pap/chap
 * @param ipv4      what an IPv4 session hands out
 * @param ipv6      what an IPv6 session hands out (null: IPv6 calls fail)
 * @param linkLayer {@code 802-3} or {@code raw-ip}: the modem's data format at power-on
 * @param wda       true: the WDA service exists (the E397u-53 has none)
 */
public record Data(List<String> apns, String auth, String username, String password, Ipv4 ipv4, Ipv6 ipv6,
                   String linkLayer, boolean wda) {

    public Data {
        apns = apns == null ? List.of() : List.copyOf(apns);
        auth = auth == null ? "none" : auth;
        if (!List.of("none", "pap", "chap").contains(auth)) {
            throw new IllegalArgumentException("data.auth must be none, pap or chap, got '" + auth + "'");
        }
        if (ipv4 == null) {
            throw new IllegalArgumentException("data.ipv4 is required");
        }
        linkLayer = linkLayer == null ? "802-3" : linkLayer;
        if (!linkLayer.equals("802-3") && !linkLayer.equals("raw-ip")) {
            throw new IllegalArgumentException("data.linkLayer must be 802-3 or raw-ip, got '" + linkLayer + "'");
        }
    }

    /** IPv4 session settings (dotted quads). */
    public record Ipv4(String address, int prefix, String gateway, String dns1, String dns2, Integer mtu) {
        public Ipv4 {
            if (address == null || gateway == null || dns1 == null) {
                throw new IllegalArgumentException("data.ipv4 needs address, gateway and dns1");
            }
            if (prefix < 1 || prefix > 32) {
                throw new IllegalArgumentException("data.ipv4.prefix must be 1..32, got " + prefix);
            }
            InetUtil.ipv4(address);
            InetUtil.ipv4(gateway);
            InetUtil.ipv4(dns1);
            if (dns2 != null) {
                InetUtil.ipv4(dns2);
            }
            mtu = mtu == null ? 1500 : mtu;
        }
    }

    /** IPv6 session settings. */
    public record Ipv6(String address, int prefix, String gateway, String dns1, String dns2) {
        public Ipv6 {
            if (address == null || gateway == null) {
                throw new IllegalArgumentException("data.ipv6 needs address and gateway");
            }
            InetUtil.ipv6(address);
            InetUtil.ipv6(gateway);
        }
    }
}
