package dev.qmiconn.container;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Whether the tier can run: a reachable Docker engine (bin/test starts a private one, see bin/container-setup).
 * With CI=true a tier that would skip fails instead: nothing in it would have been verified.
 */
final class ContainerTier {

    private ContainerTier() {
    }

    static void requireEngine() {
        boolean reachable;
        try {
            reachable = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            reachable = false;
        }
        if (reachable) {
            return;
        }
        String why = "container tier: no Docker engine reachable (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                + "); bin/test starts one with bin/container-setup. Nothing in this tier was verified.";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        System.out.println(why + " SKIPPED");
        Assumptions.abort(why);
    }
}
