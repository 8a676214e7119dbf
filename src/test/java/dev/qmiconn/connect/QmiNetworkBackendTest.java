package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.qmi.LibqmiVersion;
import dev.qmiconn.qmi.VersionPolicy;

/** qmi-network sources its --profile path unquoted: only plain paths may reach it. */
class QmiNetworkBackendTest {

    @TempDir
    Path tmp;

    private Paths pathsWithStateDir(Path stateDir) throws Exception {
        Paths p = FlowFixtures.paths(tmp);
        return new Paths(stateDir, p.resolvHead(), p.resolvConf(), p.sysfsRoot(), p.qmiNetworkStateDir(), p.dhcpHook());
    }

    @ParameterizedTest
    @ValueSource(strings = {"state dir", "st*te", "st?te", "[s]tate", "state$HOME", "state;x"})
    void should_refuse_a_profile_path_qmi_network_would_split_or_glob(String name) throws Exception {
        Paths paths = pathsWithStateDir(tmp.resolve(name));
        UpRequest req = new UpRequest("/dev/cdc-wdm0", "fast.metropcs.com", null, null, null, null, null, null,
                IpConfig.DHCP, Backend.QMI_NETWORK, Duration.ofSeconds(20), DnsMode.DHCPCD, false, paths);
        ReplayingRunner runner = new ReplayingRunner(List.of());

        QmiConnException e = assertThrows(QmiConnException.class, () -> new QmiNetworkBackend(runner, paths)
                .start(req, VersionPolicy.of(LibqmiVersion.of(1, 32, 2))));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot hand qmi-network the profile " + tmp.resolve(name)),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of(), runner.callsMade(), "qmi-network never ran");
        assertFalse(Files.exists(paths.qmiNetworkProfile("cdc-wdm0")), "no profile written");
    }

    @Test
    void should_stop_without_a_profile_whose_path_is_not_plain() throws Exception {
        Paths paths = pathsWithStateDir(Files.createDirectories(tmp.resolve("state dir")));
        Files.writeString(paths.qmiNetworkProfile("cdc-wdm0"), "APN=x\n");
        ReplayingRunner runner = new ReplayingRunner(List.of(
                Transcript.of(List.of("qmi-network", "/dev/cdc-wdm0", "stop"), 0, "", "")));

        assertEquals(List.of(), new QmiNetworkBackend(runner, paths).stop("/dev/cdc-wdm0", "cdc-wdm0"));
        assertEquals(1, runner.callsMade().size());
    }
}
