package dev.qmiconn.qmi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.process.ProgramPath;

/**
 * Where libqmi's programs are, found ONE way for every command: the first {@code qmicli} / {@code qmi-network}
 * on PATH, which is the one exec runs when {@code up}, {@code status}, {@code down}, {@code doctor} and
 * {@code --version} call them by name. So a self-built libqmi in /usr/local/bin ahead of Debian's /usr/bin is
 * the one reported, version-checked and used; a PATH without them finds nothing (tests pass no PATH).
 */
public record LibqmiTools(String path) {

    public static final String QMICLI = "qmicli";
    public static final String QMI_NETWORK = "qmi-network";

    /** The PATH of an environment (the process's, or a test's). */
    public static LibqmiTools fromEnvironment(Map<String, String> environment) {
        return new LibqmiTools(environment.get("PATH"));
    }

    public Optional<Path> qmicli() {
        return find(QMICLI);
    }

    public Optional<Path> qmiNetwork() {
        return find(QMI_NETWORK);
    }

    /** {@code qmicli} or {@code qmi-network} as exec would resolve it on this PATH. */
    public Optional<Path> find(String program) {
        return ProgramPath.find(path, program);
    }
}
