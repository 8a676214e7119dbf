package dev.qmiconn.connect;

import static dev.qmiconn.connect.FlowFixtures.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.LinkLayer;

/** A modem without WDA is asked once per plug-in; one with WDA every time (its format can be switched). */
class NoWdaMemoTest {

    @TempDir
    Path dir;

    private List<String> argv(Path device) {
        return List.of("qmicli", "-d", device.toString(), "--wda-get-data-format");
    }

    private Optional<?> ask(Path device, Path memo, Transcript... expected) {
        try (ReplayingRunner runner = new ReplayingRunner(List.of(expected))) {
            return NoWdaMemo.wdaDataFormat(new QmiClient(runner, device.toString(), false, Duration.ofSeconds(5)),
                    device, memo);
        }
    }

    @Test
    void should_ask_a_modem_without_wda_once_per_device_node() throws Exception {
        Path device = Files.createFile(dir.resolve("cdc-wdm0"));
        Path memo = dir.resolve("cdc-wdm0.no-wda");
        Transcript unsupported = recorded("1.32.2", "wda-get-data-format", "emulator-e397u-53-wda-unsupported",
                argv(device));

        assertEquals(Optional.empty(), ask(device, memo, unsupported));
        assertEquals(Optional.empty(), ask(device, memo), "the second up asks nothing");

        Files.delete(device);
        Path replugged = Files.createFile(dir.resolve("cdc-wdm0"));
        assertEquals(Optional.empty(), ask(replugged, memo, unsupported), "a new node (a replug) is asked again");
    }

    @Test
    void should_ask_a_modem_with_wda_every_time() throws Exception {
        Path device = Files.createFile(dir.resolve("cdc-wdm0"));
        Path memo = dir.resolve("cdc-wdm0.no-wda");
        Transcript rawIp = recorded("1.32.2", "wda-get-data-format", "emulator-raw-ip", argv(device));

        for (int i = 0; i < 2; i++) {
            Optional<?> format = ask(device, memo, rawIp);
            assertTrue(format.isPresent());
            assertEquals(LinkLayer.RAW_IP, ((dev.qmiconn.qmi.model.DataFormat) format.get()).linkLayer());
        }
        assertTrue(Files.notExists(memo));
    }
}
