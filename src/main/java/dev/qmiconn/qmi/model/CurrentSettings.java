package dev.qmiconn.qmi.model;

import java.util.List;

/**
 * {@code --wds-get-current-settings}: what the modem assigned to the call. Absent lines are null (or empty
 * lists). {@code ipv4Prefix} is computed from the subnet mask; IPv6 prints {@code address/prefix}.
 * {@code ipFamily} is {@code IPv4}, {@code IPv6} or {@code unknown} as qmicli prints it.
 */
public record CurrentSettings(String ipFamily, String ipv4Address, String ipv4SubnetMask, Integer ipv4Prefix,
                              String ipv4Gateway, List<String> ipv4Dns, String ipv6Address, Integer ipv6Prefix,
                              String ipv6Gateway, Integer ipv6GatewayPrefix, List<String> ipv6Dns, Integer mtu,
                              List<String> domains) {

    public CurrentSettings {
        ipv4Dns = List.copyOf(ipv4Dns);
        ipv6Dns = List.copyOf(ipv6Dns);
        domains = List.copyOf(domains);
    }
}
