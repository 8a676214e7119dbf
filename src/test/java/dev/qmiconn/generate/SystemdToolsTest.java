package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;
import dev.qmiconn.testing.RealToolsCondition;

/**
 * Checks against systemd's own tools (Debian 12: systemd 252, installed by bin/setup). Real-tool tier: skipped
 * where they are missing, a failure with CI=true, so CI never passes without having run them.
 */
@RealTools({"systemd-analyze", "systemd-escape"})
class SystemdToolsTest {

    @TempDir
    Path tmp;

    private static Path tool(String name) {
        return RealToolsCondition.which(name); // present: RealTools checked it
    }

    @Test
    void should_escape_device_paths_exactly_as_systemd_escape() {
        Path escape = tool("systemd-escape");
        for (String path : List.of("/dev/cdc-wdm0", "/dev/qmi-e397", "/dev/ttyE397-at", "/dev/a b", "/dev/.x",
                "/dev/ü", "/dev/x_y:z.1")) {
            CommandResult r = new ExecRunner().run(CommandSpec.of(escape.toString(), "--path", path));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(r.stdout().strip(), SystemdSyntax.escapePath(path), path);
        }
    }

    @Test
    void should_pass_systemd_analyze_verify() throws IOException {
        Path program = tmp.resolve("qmi conn");
        Files.writeString(program, "#!/bin/sh\n");
        program.toFile().setExecutable(true);
        // an instance file: verify wants a concrete unit, and the template's %i then names a real device path
        Path unit = tmp.resolve("qmi-conn@cdc-wdm0.service");
        Cli r = Cli.run("generate", "systemd", "--java-opts", "-Xmx32m -Xss256k", "--qmi-conn", program.toString(),
                "--out", unit.toString());
        assertEquals(0, r.exitCode(), r.err());
        CommandResult verify = new ExecRunner().run(CommandSpec.of(tool("systemd-analyze").toString(), "verify",
                "--man=no", unit.toString()).withTimeout(Duration.ofSeconds(20)));
        // --man=no: Documentation=man:qmi-conn-watch(1) exists once the .deb is installed, not on a build machine.
        assertEquals(0, verify.exitCode(), verify.stdout() + verify.stderr());
        assertEquals("", verify.stderr(), "no warnings (unknown keys, bad quoting)");
    }

    /** The bar: systemd-analyze security at 5.0 or lower, on the very file the .deb installs. */
    @Test
    void should_score_5_or_lower_in_systemd_analyze_security() throws IOException {
        Path unit = tmp.resolve("qmi-conn@.service");
        Files.copy(Path.of("src/deb/systemd/qmi-conn@.service"), unit);
        CommandResult security = new ExecRunner().run(CommandSpec.of(tool("systemd-analyze").toString(),
                "security", "--offline=yes", "--no-pager", unit.toString()).withTimeout(Duration.ofSeconds(30)));
        Matcher m = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)").matcher(security.stdout());
        assertTrue(m.find(), security.stdout() + security.stderr());
        double score = Double.parseDouble(m.group(1));
        assertTrue(score <= 5.0, "exposure " + score + " > 5.0:\n" + security.stdout());
        assertTrue(security.stdout().contains("✗ PrivateNetwork="), "it must keep the host's network");
    }
}
