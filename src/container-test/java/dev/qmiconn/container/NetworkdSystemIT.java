package dev.qmiconn.container;

import java.util.List;
import java.util.Optional;

/** systemd-networkd + systemd-resolved (/etc/resolv.conf the stub symlink); no .network file names wwan0. */
class NetworkdSystemIT extends ServiceScenarios {

    @Override
    String variant() {
        return "networkd";
    }

    /** qmi-conn's resolved backend sets per-link servers on wwan0 (resolvectl dns wwan0); the stub asks resolved. */
    @Override
    List<List<String>> resolverConfig() {
        return List.of(List.of("resolvectl", "dns"));
    }

    /** networkd leaves links no .network file matches unmanaged. */
    @Override
    Optional<String> rivalOnWwan0() {
        return Optional.empty();
    }
}
