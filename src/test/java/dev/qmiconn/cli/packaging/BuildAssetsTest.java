package dev.qmiconn.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.cli.AppContext;
import dev.qmiconn.cli.Main;
import dev.qmiconn.error.ExitCode;

import picocli.CommandLine;

class BuildAssetsTest {

    @TempDir
    Path out;

    /** Independent of ManPage: walks the live tree the way a user reads `--help`. */
    private static List<String> liveCommandPages(CommandLine cl) {
        List<String> names = new ArrayList<>(List.of(cl.getCommandSpec().qualifiedName("-")));
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !name.equals("help") && !sub.getCommandSpec().usageMessage().hidden()) {
                names.addAll(liveCommandPages(sub));
            }
        });
        return names;
    }

    @Test
    void should_write_a_gzipped_page_for_every_command_registered_in_the_live_tree() throws IOException {
        List<String> written = BuildAssets.write(out, "9.9.9");
        CommandLine live = Main.commandLine(AppContext.production());
        assertEquals(liveCommandPages(live).stream().sorted().toList(), written.stream().sorted().toList());
        for (String name : written) {
            String roff = gunzip(out.resolve("man/man1/" + name + ".1.gz"));
            assertTrue(roff.startsWith(".TH "), name);
            assertTrue(roff.contains("\"qmi\\-conn 9.9.9\""), name);
        }
    }

    @Test
    void should_document_every_exit_code_of_the_table_in_the_root_page() throws IOException {
        BuildAssets.write(out, "9.9.9");
        String root = gunzip(out.resolve("man/man1/qmi-conn.1.gz"));
        for (ExitCode code : ExitCode.values()) {
            assertTrue(root.contains(".TP\n\\fB" + code.code() + "\\fR\n" + code.name() + ": "), code.name());
        }
    }

    @Test
    void should_give_every_page_environment_and_files_and_no_path_that_exists_only_in_the_repository()
            throws IOException {
        List<String> written = BuildAssets.write(out, "9.9.9");
        for (String name : written) {
            String roff = gunzip(out.resolve("man/man1/" + name + ".1.gz"));
            assertTrue(roff.contains("\n.SH \"ENVIRONMENT\"\n.TP\n\\fBJAVA\\fR"), name);
            assertTrue(roff.contains("\n.SH \"FILES\"\n.TP\n"), name);
            assertTrue(roff.contains("/usr/share/doc/qmi\\-conn/"), name);
            java.util.regex.Matcher repoPath = java.util.regex.Pattern.compile(
                    "(?<![\\w/-])(docs|src|test-fixtures|bin|target)/|\\.\\./").matcher(roff);
            assertFalse(repoPath.find(), name + ": " + (repoPath.find(0) ? roff.substring(
                    Math.max(0, repoPath.start() - 40), Math.min(roff.length(), repoPath.end() + 40)) : ""));
        }
    }

    @Test
    void should_write_a_bash_completion_that_knows_every_top_level_command() throws IOException {
        BuildAssets.write(out, "9.9.9");
        String script = Files.readString(out.resolve("bash-completion/qmi-conn"));
        assertTrue(script.contains("complete -F _complete_qmi-conn"), script);
        String commandsLine = script.lines().filter(l -> l.contains("local commands=")).findFirst().orElseThrow();
        for (String name : Main.commandLine(AppContext.production()).getSubcommands().keySet()) {
            assertTrue(commandsLine.contains(name), name + " missing from " + commandsLine);
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
