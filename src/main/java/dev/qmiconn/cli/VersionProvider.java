package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.qmi.LibqmiTools;
import dev.qmiconn.qmi.LibqmiVersion;
import dev.qmiconn.qmi.QmicliErrors;
import dev.qmiconn.qmi.VersionPolicy;
import dev.qmiconn.qmi.VersionVerdict;
import dev.qmiconn.qmi.parse.QmicliParseException;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code qmi-conn --version}: the tool's own version, the libqmi found on PATH ({@code qmicli --version},
 * through the process seam) and the {@link VersionPolicy} verdict on it, e.g. for 1.16.2:
 * <pre>
 * qmi-conn 0.1.0
 * libqmi 1.16.2 (/usr/bin/qmicli): needs a workaround
 *   libqmi 1.16.2 has the IP-family bug (Debian #845979): ...
 *   Fix: nothing with qmi-conn (it sends ip-type=4); ...
 * </pre>
 */
public final class VersionProvider implements IVersionProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final AppContext context;

    /** For a picocli tree built without {@link Main}'s factory. */
    public VersionProvider() {
        this(AppContext.production());
    }

    public VersionProvider(AppContext context) {
        this.context = context;
    }

    public static String toolVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("qmi-conn " + toolVersion());
        lines.addAll(libqmiLines());
        return lines.toArray(String[]::new);
    }

    private List<String> libqmiLines() {
        // the context's PATH, so tests can put a fake qmicli first
        Optional<Path> qmicli = LibqmiTools.fromEnvironment(context.environment()).qmicli();
        if (qmicli.isEmpty()) {
            return List.of("libqmi: qmicli not found on PATH; install libqmi-utils (>= 1.18 recommended)");
        }
        CommandResult r = context.runner().run(CommandSpec.of(qmicli.get().toString(), "--version")
                .withTimeout(TIMEOUT));
        if (!r.succeeded()) {
            return List.of("libqmi: " + QmicliErrors.toException(r, null).getMessage());
        }
        LibqmiVersion version;
        try {
            version = LibqmiVersion.parse(r.stdout());
        } catch (QmicliParseException e) {
            return List.of("libqmi: " + qmicli.get() + " is not libqmi's qmicli: " + e.getMessage());
        }
        VersionVerdict v = VersionPolicy.of(version).verdict();
        List<String> out = new ArrayList<>();
        out.add("libqmi " + version + " (" + qmicli.get() + "): " + switch (v.severity()) {
            case OK -> "ok";
            case WORKAROUND -> "needs a workaround";
            case LIMITED -> "limited";
        });
        out.add("  " + v.explanation());
        if (v.fix() != null) {
            out.add("  Fix: " + v.fix());
        }
        return out;
    }
}
