package dev.qmiconn.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to build a sandbox.
 *
 * @param scenario    emulator scenario name or JSON file
 * @param baseDir     where the sandbox makes its own directory (named after its prefix); the stale-sandbox
 *                    sweeper looks here too
 * @param qmiConnHome put {@code <home>/bin} first on PATH inside, so {@code qmi-conn} is the launcher; may be null
 */
public record SandboxOptions(String scenario, Path baseDir, Path qmiConnHome) {

    public static final Path DEFAULT_BASE = Path.of(System.getProperty("java.io.tmpdir"), "qmi-conn-sandboxes");
    public static final String DEFAULT_SCENARIO = "e397u-53";

    public SandboxOptions {
        Objects.requireNonNull(scenario, "scenario");
        baseDir = baseDir == null ? DEFAULT_BASE : baseDir.toAbsolutePath();
    }

    /** Scenario {@code scenario}, the default base directory and $QMI_CONN_HOME from the environment. */
    public static SandboxOptions of(String scenario) {
        String home = System.getenv("QMI_CONN_HOME");
        return new SandboxOptions(scenario, DEFAULT_BASE, home == null ? null : Path.of(home));
    }
}
