package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.ModemEmulator;
import dev.qmiconn.emulator.QmicliFixtureFiles;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/**
 * A recording tool, not part of the normal run (its name matches neither *Test nor *IT, so no tier picks it up and
 * CI never sees it skipped): records what the real qmicli and qmi-network print against the emulator in the
 * sandbox as fixture cases {@code test-fixtures/qmicli/<libqmi version>/<action>/emulator-<scenario>.out}
 * (+ {@code .err}, {@code .exit}), the layout of test-fixtures/qmicli/README.md. Run it with
 * {@code mvn verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=QmicliFixtureRecorder}, then let QmicliFixturesTest write the missing .json
 * ({@code -Dqmiconn.fixtures.write=true}), review them and add the provenance lines.
 */
@RealTools({"qmicli", "qmi-network", "socat", "dnsmasq", "ip", "nsenter", "unshare"})
class QmicliFixtureRecorder {

    private static final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    static {
        for (String action : List.of("dms-get-ids", "dms-get-manufacturer", "dms-get-model", "dms-get-revision",
                "dms-get-operating-mode", "uim-get-card-status", "nas-get-signal-strength", "nas-get-serving-system",
                "wda-get-data-format", "get-expected-data-format", "get-wwan-iface", "get-service-version-info")) {
            QUERIES.put(action, List.of("--" + action));
        }
    }

    @Test
    void record_the_real_tools_against_every_main_scenario() throws IOException {
        String version = new ExecRunner().run(CommandSpec.of("qmicli", "--version")).stdout().lines().findFirst()
                .orElseThrow().replaceAll("^qmicli\\s+", "").strip();
        Path root = Path.of(System.getProperty("qmiconn.fixtures.dir", "test-fixtures/qmicli/" + version));
        List<Path> written = new ArrayList<>();
        for (String scenario : List.of("e397u-53", "raw-ip", "call-failed")) {
            try (Sandbox sandbox = Sandbox.start(new SandboxOptions(scenario, null, null), new ExecRunner(),
                    new EmulatorModems())) {
                String name = "emulator-" + scenario;
                String apn = ((ModemEmulator) sandbox.emulator()).scenario().data().apns().get(0);
                for (Map.Entry<String, List<String>> q : QUERIES.entrySet()) {
                    written.add(save(root, q.getKey(), name, qmicli(sandbox, q.getValue())));
                }
                // qmi-network first, while no session is up; its stop leaves the modem as it found it
                Files.writeString(sandbox.tmpDir().resolve("qmi-network.conf"), "APN=" + apn + "\n");
                List<String> qmiNetwork = List.of("qmi-network", "--profile=/tmp/qmi-network.conf", "/dev/cdc-wdm0");
                written.add(save(root, "qmi-network-start", name, sandbox.exec(with(qmiNetwork, "start"),
                        Duration.ofSeconds(30))));
                sandbox.exec(with(qmiNetwork, "stop"), Duration.ofSeconds(30));
                CommandResult start = qmicli(sandbox, List.of("--wds-start-network=apn='" + apn + "'",
                        "--client-no-release-cid"));
                written.add(save(root, "wds-start-network", name, start));
                for (String action : List.of("wds-get-packet-service-status", "wds-get-current-settings",
                        "wds-get-packet-statistics")) {
                    written.add(save(root, action, name, qmicli(sandbox, List.of("--" + action))));
                }
            }
        }
        assertTrue(written.stream().allMatch(Files::exists), written.toString());
    }

    private static List<String> with(List<String> base, String action) {
        List<String> argv = new ArrayList<>(base);
        argv.add(action);
        return argv;
    }

    private static CommandResult qmicli(Sandbox sandbox, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("qmicli", "-d", "/dev/cdc-wdm0"));
        argv.addAll(args);
        return sandbox.exec(argv, Duration.ofSeconds(20));
    }

    private static Path save(Path root, String action, String name, CommandResult r) throws IOException {
        return QmicliFixtureFiles.write(root, action, name, r, UnaryOperator.identity());
    }
}
