package dev.qmiconn.container;

import java.util.Optional;

/** systemd-networkd + systemd-resolved (/etc/resolv.conf the stub symlink); no .network file names wwan0. */
class NetworkdSystemIT extends BootedSystemScenarios {

    @Override
    String variant() {
        return "networkd";
    }

    /** networkd leaves links no .network file matches unmanaged. */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.empty();
    }
}
