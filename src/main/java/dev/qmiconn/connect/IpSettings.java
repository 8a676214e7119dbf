package dev.qmiconn.connect;

import java.util.List;

/**
 * IPv4 configuration to apply to the interface, from a DHCP lease or from {@code --wds-get-current-settings}.
 * Every value is checked to be a dotted quad before it gets near an {@code ip} argv.
 */
public record IpSettings(String address, int prefix, String gateway, List<String> dns, Integer mtu, String source) {

    public IpSettings {
        address = Ipv4.require(address, "address");
        if (prefix < 1 || prefix > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefix);
        }
        gateway = gateway == null ? null : Ipv4.require(gateway, "gateway");
        dns = dns == null ? List.of() : dns.stream().filter(Ipv4::isValid).toList();
        if (mtu != null && (mtu < 576 || mtu > 65535)) {
            mtu = null; // a silly MTU from a lease is ignored, not applied
        }
    }
}
