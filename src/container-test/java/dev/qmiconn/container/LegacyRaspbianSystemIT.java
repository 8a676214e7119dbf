package dev.qmiconn.container;

import java.util.Optional;

/** Legacy Raspbian-like: ifupdown + dhcpcd (nodev) + openresolv reading /etc/resolv.conf.head. */
class LegacyRaspbianSystemIT extends BootedSystemScenarios {

    @Override
    String variant() {
        return "legacy";
    }

    /** Through openresolv, which reads /etc/resolv.conf.head. */
    @Override
    boolean resolvesAfterBoot() {
        return true;
    }

    /**
     * FINDING (real on a Pi too): dhcpcd runs on every interface without a {@code denyinterfaces wwan0}, leases on
     * wwan0 as soon as it has carrier and replaces qmi-conn's routes with its own.
     */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.of("dhcpcd");
    }
}
