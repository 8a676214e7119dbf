package dev.qmiconn.at;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ip} argv lists that put {@link DhcpSettings} on an interface, the way udhcpc's default script does
 * it (flush, add, default route), so a static AT bring-up leaves the same state as a DHCP lease. Pure: the same
 * lists are printed for the user and run by {@link StaticIpApplier}.
 */
public final class StaticIpPlan {

    private StaticIpPlan() {
    }

    public static List<List<String>> apply(DhcpSettings s, String iface) {
        List<List<String>> argv = new ArrayList<>();
        argv.add(List.of("ip", "link", "set", "dev", iface, "up"));
        argv.add(List.of("ip", "-4", "addr", "flush", "dev", iface));
        argv.add(List.of("ip", "-4", "addr", "add", s.cidr(), "dev", iface));
        List<String> route = new ArrayList<>(List.of("ip", "-4", "route", "replace", "default", "via",
                s.gateway(), "dev", iface));
        if (!s.gatewayOnSubnet()) {
            route.add("onlink"); // some firmware hands out a gateway outside the /30 it assigns
        }
        argv.add(List.copyOf(route));
        return List.copyOf(argv);
    }

    /** What {@code down} undoes: the address (and with it the routes through it). The link stays up. */
    public static List<List<String>> remove(String iface) {
        return List.of(List.of("ip", "-4", "addr", "flush", "dev", iface));
    }
}
