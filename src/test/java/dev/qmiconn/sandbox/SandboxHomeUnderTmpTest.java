package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/**
 * CI clones the project wherever it likes, /tmp included; the sandbox's own /tmp must not hide that checkout's
 * bin/qmi-conn from the commands run inside.
 */
@RealTools({"socat", "dnsmasq", "ip", "nsenter", "unshare"})
class SandboxHomeUnderTmpTest {

    @Test
    void should_keep_a_qmi_conn_home_under_tmp_visible_inside() throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "qmi-conn-home-");
        try {
            Path launcher = home.resolve("bin/qmi-conn");
            Files.createDirectories(launcher.getParent());
            Files.writeString(launcher, "#!/bin/sh\necho launcher-from-tmp-home \"$@\"\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Sandbox box = Sandbox.start(new SandboxOptions("e397u-53", null, home), new ExecRunner(),
                    new EmulatorModems())) {
                CommandResult r = box.exec(List.of("qmi-conn", "status"), Duration.ofSeconds(20));
                assertEquals("launcher-from-tmp-home status\n", r.stdout(), r.stderr());
                CommandResult ls = box.exec(List.of("ls", "/tmp"), Duration.ofSeconds(20));
                assertEquals(home.getFileName() + "\n", ls.stdout(), "the sandbox /tmp holds only the home mount");
            }
        } finally {
            Files.deleteIfExists(home.resolve("bin/qmi-conn"));
            Files.deleteIfExists(home.resolve("bin"));
            Files.deleteIfExists(home);
        }
    }
}
