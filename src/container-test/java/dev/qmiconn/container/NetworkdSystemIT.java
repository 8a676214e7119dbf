package dev.qmiconn.container;

import java.util.Optional;

/** systemd-networkd + systemd-resolved (/etc/resolv.conf the stub symlink); no .network file names wwan0. */
class NetworkdSystemIT extends BootedSystemScenarios {

    @Override
    String variant() {
        return "networkd";
    }

    /** Through qmi-conn's resolved backend (resolvectl for wwan0) and the stub. */
    @Override
    boolean resolvesAfterBoot() {
        return true;
    }

    /** networkd leaves links no .network file matches unmanaged. */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.empty();
    }
}
