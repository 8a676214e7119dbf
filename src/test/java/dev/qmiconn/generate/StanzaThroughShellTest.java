package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandSpec;
import dev.qmiconn.process.ExecRunner;

/**
 * The rendered pre-up/post-down lines run through the real /bin/sh exactly as ifupdown 0.8 runs them
 * ({@code /bin/sh -c "<rest of the line>"}): hostile values are either refused before anything is written,
 * or arrive at qmi-conn as one intact argument while nothing else runs.
 */
class StanzaThroughShellTest {

    private static final Pattern OPTION_LINE = Pattern.compile("^\\s+(pre-up|post-down) (.*)$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"fast'metropcs", "fast;reboot", "$(reboot)", "`reboot`", "fast\nmetropcs",
            "fast metropcs", "", "fast.metropcs.com\"", "fast|id"})
    void should_refuse_a_hostile_apn_with_one_line_and_write_nothing(String apn) {
        Path out = tmp.resolve("wwan0");
        Cli r = Cli.run("generate", "interfaces", "--apn", apn, "--out", out.toString(), "--root", tmp.toString());
        assertEquals(3, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("qmi-conn: ") && r.err().contains("APN"), r.err());
        assertFalse(Files.exists(out));
        assertEquals("", r.out());
    }

    @Test
    void should_deliver_hostile_paths_and_credentials_intact_and_run_nothing_else() throws IOException {
        StandIn standIn = new StandIn(Files.createDirectory(tmp.resolve("bin")));
        String d = standIn.dir.toString();
        String stateDir = d + "/state dir/$(touch " + d + "/pwned1)";
        String resolvHead = d + "/a'b;touch " + d + "/pwned2;'`touch " + d + "/pwned3`";
        String password = "x;>" + d + "/pwned4&|*(y)<z>#~!{}^%?[a]";
        String user = "u&>" + d + "/pwned5";
        String profile = d + "/* ~ $HOME";
        Cli r = Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com", "--user", user,
                "--password", password, "--state-dir", stateDir, "--resolv-head", resolvHead, "--profile", profile,
                "--qmi-conn", standIn.program.toString());
        assertEquals(0, r.exitCode(), r.err());

        runOptionLines(r.out());

        assertEquals(List.of(
                List.of("up", "--apn", "fast.metropcs.com", "--device", "/dev/cdc-wdm0", "--iface", "wwan0",
                        "--user", user, "--password", password, "--state-dir", stateDir,
                        "--resolv-head", resolvHead, "--profile", profile),
                List.of("down", "--device", "/dev/cdc-wdm0", "--iface", "wwan0", "--state-dir", stateDir,
                        "--resolv-head", resolvHead)), standIn.calls());
        assertEquals(List.of(), standIn.strayFiles());
    }

    @Test
    void should_deliver_the_guide_stanza_values_intact_to_qmi_network() throws IOException {
        Cli r = Cli.run("generate", "interfaces", "--style", "guide", "--apn", "fp.com.attz", "--user", "u;id",
                "--password", "p>" + tmp + "/pwned", "--ip-type", "4");
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("pre-up (APN=.*) /usr/bin/qmi-network /dev/cdc-wdm0 start").matcher(r.out());
        assertTrue(m.find(), r.out());
        CommandResult env = sh(m.group(1) + " sh -c 'printf \"%s\\0\" \"$APN\" \"$APN_USER\" \"$APN_PASS\" \"$IP_TYPE\"'");
        assertEquals("fp.com.attz\0u;id\0p>" + tmp + "/pwned\0" + "4\0", env.stdout());
        assertFalse(Files.exists(tmp.resolve("pwned")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "'", "''", "a'b'c", "\\", "a\\'b", "-n", "~root", "*", "$HOME", "${x:-y}",
            "$(id)", "`id`", "a;b&c|d", "<>", "#x", "x#", "%iface%", "\"q\"", "!", "ü-ñ", "{a,b}", "[ab]", "x=y",
            " lead", "trail "})
    void should_quote_any_printable_word_so_sh_gives_it_back_unchanged(String value) {
        CommandResult r = sh("printf '%s\\0' " + ShellQuote.word("value", value));
        assertEquals(value + "\0", r.stdout());
    }

    @Test
    void should_quote_every_printable_ascii_character_at_once() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            all.append(c);
        }
        assertEquals(all + "\0", sh("printf '%s\\0' " + ShellQuote.word("value", all.toString())).stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/run/a\nb", "/run/a\rb", "/run/a\tb", "/run/\u0007"})
    void should_refuse_control_characters_that_would_break_the_line(String stateDir) {
        Cli r = Cli.run("generate", "interfaces", "--apn", "fast.metropcs.com", "--state-dir", stateDir);
        assertEquals(3, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--state-dir") && r.err().contains("control characters"), r.err());
    }

    private void runOptionLines(String stanza) {
        Matcher m = OPTION_LINE.matcher(stanza);
        int lines = 0;
        while (m.find()) {
            CommandResult r = sh(m.group(2));
            assertEquals(0, r.exitCode(), m.group(2) + ": " + r.stderr());
            lines++;
        }
        assertEquals(2, lines, stanza);
    }

    private static CommandResult sh(String script) {
        return new ExecRunner().run(CommandSpec.of("/bin/sh", "-c", script).withTimeout(Duration.ofSeconds(10)));
    }
}
