package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/** The real launcher and jar: {@code bin/qmi-conn --version} with a stand-in qmicli 1.16.2 first on PATH. */
@RealTools({"java"})
class VersionLauncherIT {

    @TempDir
    Path bin;

    @TempDir
    Path tools;

    /** PATH = the fake bin dir, then only what the launcher needs (readlink, dirname); java via $JAVA. */
    private CommandResult launch() throws IOException {
        for (String t : List.of("readlink", "dirname")) {
            Files.createSymbolicLink(tools.resolve(t), Path.of("/usr/bin", t));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ExecRunner().run(new CommandSpec(List.of(Path.of("bin", "qmi-conn").toAbsolutePath().toString(),
                "--version"), Duration.ofSeconds(60), Map.of("PATH", bin + ":" + tools, "JAVA", java), null));
    }

    @Test
    void should_name_the_ip_family_bug_and_the_workaround_for_a_qmicli_1_16_2_on_path() throws IOException {
        VersionProviderTest.fakeQmicli(bin, "echo 'qmicli 1.16.2'");
        CommandResult r = launch();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("libqmi 1.16.2"), r.stdout());
        assertTrue(r.stdout().contains("Debian #845979"), r.stdout());
        assertTrue(r.stdout().contains("ip-type=4"), r.stdout());
    }

    @Test
    void should_say_qmicli_is_missing_when_path_has_none() throws IOException {
        CommandResult r = launch();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("qmicli not found on PATH"), r.stdout());
    }
}
