package dev.qmiconn.container;

import java.util.Optional;

/** systemd-networkd + systemd-resolved (/etc/resolv.conf the stub symlink); no .network file names wwan0. */
class NetworkdSystemIT extends BootedSystemScenarios {

    @Override
    String variant() {
        return "networkd";
    }

    /** Nothing of qmi-conn's talks to systemd-resolved yet; the stub resolver knows no DNS server. */
    @Override
    boolean resolvesAfterBoot() {
        return false;
    }

    /** networkd leaves links no .network file matches unmanaged. */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.empty();
    }
}
