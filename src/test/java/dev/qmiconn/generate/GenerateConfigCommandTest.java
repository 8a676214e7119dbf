package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.settings.ConfigKey;
import dev.qmiconn.settings.DeviceConfig;
import dev.qmiconn.settings.DeviceConfigFile;

class GenerateConfigCommandTest {

    @TempDir
    Path tmp;

    private static final String[] METRO = {"generate", "config", "--apn", "fast.metropcs.com", "--user", "metro",
        "--password", "s3cret", "--auth", "pap", "--pin", "1234", "--ip-type", "4", "--iface", "wwan0", "--proxy",
        "--timeout", "2m", "--poll", "5s", "--cap", "2GB", "--cap-warn", "90", "--reset-day", "15"};

    private static String resource(String name) throws IOException {
        try (InputStream in = GenerateConfigCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_render_one_line_per_option_given_in_key_order() throws IOException {
        Cli r = Cli.run(METRO);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(resource("cdc-wdm0.conf"), r.out());
    }

    @Test
    void should_read_back_what_it_rendered() throws IOException {
        DeviceConfig back = DeviceConfig.parse(resource("cdc-wdm0.conf"), "golden");
        assertEquals(13, back.settings().size());
        assertEquals("s3cret", back.get(ConfigKey.APN_PASS).orElseThrow());
        assertEquals("yes", back.get(ConfigKey.PROXY).orElseThrow());
        String plain = DeviceConfigRenderer.render("/dev/cdc-wdm1", Map.of(ConfigKey.APN, "fp.com.attz"));
        assertEquals("fp.com.attz", DeviceConfig.parse(plain, "plain").get(ConfigKey.APN).orElseThrow());
        assertTrue(!plain.contains("chmod 600"), "no secret, no root-only note");
    }

    @Test
    void should_write_it_root_only_and_atomically_where_up_looks_for_it() throws IOException {
        Path out = DeviceConfigFile.pathFor(tmp, "/dev/cdc-wdm0");
        String[] args = {"generate", "config", "--apn", "fast.metropcs.com", "--out", out.toString()};
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("fast.metropcs.com", DeviceConfigFile.loadIfPresent(tmp, "/dev/cdc-wdm0")
                .get(ConfigKey.APN).orElseThrow());
        assertEquals(1, Files.list(tmp).count(), "no temp file left");

        Files.writeString(out, "APN=mine\n");
        Cli again = Cli.run(args);
        assertEquals(3, again.exitCode(), "a hand-written file is not replaced without --force");
        assertEquals("APN=mine\n", Files.readString(out));
    }

    @Test
    void should_refuse_bad_values_and_options_that_are_not_settings() {
        Cli pin = Cli.run("generate", "config", "--apn", "x", "--pin", "12");
        assertEquals(3, pin.exitCode());
        assertEquals("qmi-conn: invalid PIN: 4 to 8 digits\n", pin.err());
        Cli profile = Cli.run("generate", "config", "--apn", "x", "--profile", "/etc/qmi-network.conf");
        assertEquals(3, profile.exitCode());
        assertEquals("qmi-conn: --profile has no key in the config file: give it to the command itself\n",
                profile.err());
        Cli method = Cli.run("generate", "config", "--method", "AT", "--port", "auto");
        assertEquals(0, method.exitCode(), method.err());
        assertTrue(method.out().endsWith("METHOD=at\nAT_PORT=auto\n"), method.out());
    }
}
