package dev.qmiconn.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.generate.Cli;
import dev.qmiconn.generate.UpSettings;
import dev.qmiconn.process.ReplayingRunner;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What generate writes after {@code qmi-conn} must be a command line the real {@code up} and {@code down}
 * accept: parsed here by the real picocli tree (not run), so an option renamed in up's mixins breaks this test.
 */
class GeneratedArgsParseTest {

    private static UpSettings everything() {
        ParseResult generate = parse(List.of("generate", "interfaces", "--apn", "fast.metropcs.com",
                "--device", "/dev/cdc-wdm0", "--user", "u", "--password", "p;w", "--auth", "chap", "--ip-type", "4",
                "--pin", "1234", "--ip-config", "dhcp", "--backend", "qmi-network", "--timeout", "1m30s",
                "--state-dir", "/run/qmi conn", "--resolv-head", "/etc/resolv.conf.head",
                "--resolv-conf", "/etc/resolv.conf", "--dns-apply", "--proxy", "--profile", "/etc/qmi-network.conf",
                "--qmi-conn", "/usr/bin/qmi-conn")).subcommand();
        return UpSettingsReader.read(generate, "wwan0");
    }

    private static ParseResult parse(List<String> args) {
        CommandLine cl = Main.commandLine(new AppContext(new ReplayingRunner(List.of()), Clock.systemUTC(),
                Map.of()));
        return cl.parseArgs(args.toArray(String[]::new)).subcommand();
    }

    @Test
    void should_write_an_up_command_line_that_up_itself_accepts_option_by_option() {
        UpSettings s = everything();
        ParseResult up = parse(s.upArgs());
        assertEquals("up", up.commandSpec().name());
        for (String option : List.of("--apn", "--device", "--iface", "--user", "--password", "--auth", "--ip-type",
                "--pin", "--ip-config", "--backend", "--timeout", "--state-dir", "--resolv-head", "--resolv-conf",
                "--dns-apply", "--proxy", "--profile")) {
            assertTrue(up.hasMatchedOption(option), option + " not written or not understood by up");
        }
        assertEquals("p;w", up.matchedOptionValue("--password", ""));
    }

    @Test
    void should_write_a_down_command_line_that_down_accepts_for_the_same_modem_and_files() {
        ParseResult down = parse(everything().downArgs());
        assertEquals("down", down.commandSpec().name());
        for (String option : List.of("--device", "--iface", "--proxy", "--state-dir", "--resolv-head",
                "--resolv-conf")) {
            assertTrue(down.hasMatchedOption(option), option);
        }
        assertEquals("/run/qmi conn", down.matchedOption("--state-dir").getValue().toString());
    }

    @Test
    void should_write_only_what_was_typed_not_ups_defaults_nor_converted_values() {
        UpSettings s = UpSettingsReader.read(parse(List.of("generate", "interfaces", "--apn", "fast.metropcs.com",
                "--timeout", "1m30s", "--state-dir", "/run//qmi-conn/")).subcommand(), "auto");
        assertEquals(List.of("up", "--apn", "fast.metropcs.com", "--device", "/dev/cdc-wdm0", "--iface", "auto",
                "--timeout", "1m30s", "--state-dir", "/run//qmi-conn/"), s.upArgs());
    }

    @Test
    void should_refuse_the_hidden_options_of_up_rather_than_drop_them() {
        Cli r = Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com", "--sysfs-root", "/tmp/sys");
        assertEquals(3, r.exitCode());
        assertEquals("qmi-conn: --sysfs-root is an internal option of up: generate does not write it\n", r.err());
    }

    @Test
    void should_refuse_a_timeout_that_up_would_refuse() {
        Cli r = Cli.run("generate", "interfaces", "--timeout", "soon");
        assertEquals(3, r.exitCode());
        assertTrue(r.err().startsWith("qmi-conn: invalid duration 'soon'"), r.err());
    }
}
