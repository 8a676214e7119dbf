package dev.qmiconn.at;

import dev.qmiconn.connect.Ipv4;

/**
 * The IPv4 settings a Huawei modem reports in its {@code ^DHCP:} line after {@code AT^NDISDUP}, in the modem's
 * own order: address, netmask, gateway, DHCP server, primary and secondary DNS, then the maximum receive and
 * transmit rates in bit/s. Addresses are dotted quads; {@link DhcpDecoder} builds them from the hex fields.
 */
public record DhcpSettings(String address, String netmask, String gateway, String dhcpServer, String dns1,
                           String dns2, long maxRxBitsPerSecond, long maxTxBitsPerSecond) {

    /** Prefix length of {@link #netmask()}; the decoder refuses masks whose one bits are not contiguous. */
    public int prefixLength() {
        return Ipv4.prefixOf(netmask);
    }

    /** The address in CIDR form, as {@code ip addr add} takes it: {@code 10.0.0.1/30}. */
    public String cidr() {
        return address + "/" + prefixLength();
    }

    /** True when the modem has no session yet: E397u-53 firmware reports all zeros before the call is up. */
    public boolean hasAddress() {
        return Ipv4.toLong(address) != 0;
    }

    /** Whether the gateway sits inside the address's own subnet (else the route needs {@code onlink}). */
    public boolean gatewayOnSubnet() {
        long mask = Ipv4.toLong(netmask);
        return (Ipv4.toLong(address) & mask) == (Ipv4.toLong(gateway) & mask);
    }

    static String dotted(int value) {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
                + (value & 0xff);
    }
}
