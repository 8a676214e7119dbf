package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.ExecRunner;
import dev.qmiconn.testing.RealTools;

/** A modem that refuses every call: qmi-network says so with its exit code 2 and gives its client id back. */
@RealTools({"qmi-network", "qmicli", "socat", "dnsmasq", "ip", "nsenter", "unshare"})
class SandboxCallFailedTest {

    @Test
    void should_make_qmi_network_exit_2_when_the_call_fails() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions("call-failed", null, null), new ExecRunner(),
                new EmulatorModems())) {
            Files.writeString(sandbox.tmpDir().resolve("qmi-network.conf"), "APN=fast.metropcs.com\n");
            CommandResult start = sandbox.exec(List.of("qmi-network", "--profile=/tmp/qmi-network.conf",
                    "/dev/cdc-wdm0", "start"), Duration.ofSeconds(30));

            assertEquals(2, start.exitCode(), start.stdout() + start.stderr());
            assertTrue((start.stdout() + start.stderr()).contains("CallFailed"), start.stdout() + start.stderr());
            assertEquals(0, sandbox.emulator().liveSessions());
            assertEquals(0, sandbox.emulator().liveClientIds(), "qmi-network released the CID with --wds-noop");
        }
    }
}
