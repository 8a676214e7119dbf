package dev.qmiconn.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ManPageTest {

    @Command(name = "tool", mixinStandardHelpOptions = true, description = "Does tool things.%nSecond line.",
            subcommands = {CommandLine.HelpCommand.class, Up.class, Generate.class, Secret.class})
    static final class Tool implements Runnable {
        @Option(names = {"-v", "--verbose"}, description = "Say more.")
        boolean verbose;

        @Override
        public void run() {
        }
    }

    @Command(name = "up", description = ".starts with a dot, has a \\ backslash and --apn", showDefaultValues = true)
    static final class Up implements Runnable {
        @Option(names = "--dry-run", description = "'quoted start")
        boolean dryRun;

        @Option(names = "--secret-knob", hidden = true)
        boolean hiddenOne;

        @Option(names = "--apn", paramLabel = "APN", description = "The carrier's APN.", defaultValue = "internet")
        String apn;

        @Override
        public void run() {
        }
    }

    @Command(name = "generate", description = "Renders files.", subcommands = GenerateSystemd.class)
    static final class Generate implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "systemd", description = "A unit.")
    static final class GenerateSystemd implements Runnable {
        @Parameters(paramLabel = "ARGS", description = "Options for up.")
        List<String> args;

        @Override
        public void run() {
        }
    }

    @Command(name = "secret", hidden = true, description = "Not for people.")
    static final class Secret implements Runnable {
        @Override
        public void run() {
        }
    }

    static List<ManPage.Page> pages() {
        return ManPage.pages(new CommandLine(new Tool()).getCommandSpec(), "1.2.3", List.of());
    }

    private static String page(String name) {
        return pages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().roff();
    }

    @Test
    void should_render_one_git_style_page_per_visible_command_skipping_help_and_hidden_ones() {
        assertEquals(List.of("tool", "tool-up", "tool-generate", "tool-generate-systemd"),
                pages().stream().map(ManPage.Page::name).toList());
    }

    @Test
    void should_escape_what_roff_would_read_as_requests_or_escapes() {
        String up = page("tool-up");
        assertTrue(up.contains("\n\\&.starts with a dot, has a \\e backslash and \\-\\-apn\n"), up);
        assertTrue(up.contains("\n\\&'quoted start\n"), up);
        assertTrue(up.contains("\\fB\\-\\-apn\\fR=\\fIAPN\\fR"), up);
        assertTrue(up.contains("Default: internet."), up);
        assertTrue(up.startsWith(".TH \"TOOL\\-UP\" 1 \"\" \"tool 1.2.3\""), up);
    }

    @Test
    void should_list_subcommands_with_their_pages_and_link_back_to_the_parent() {
        String root = page("tool");
        assertTrue(root.contains(".SH COMMANDS\n.TP\n\\fBup\\fR\n"), root);
        assertTrue(root.contains("See \\fBtool\\-generate\\fR(1)."), root);
        assertFalse(root.contains("secret"), root);
        String systemd = page("tool-generate-systemd");
        assertTrue(systemd.contains(".SH ARGUMENTS\n.TP\n\\fIARGS\\fR\nOptions for up.\n"), systemd);
        assertTrue(systemd.contains(".SH \"SEE ALSO\"\n\\fBtool\\-generate\\fR(1)"), systemd);
    }

    @Test
    void should_list_options_in_the_order_of_picocli_usage_help() {
        String up = page("tool-up");
        int apn = up.indexOf("\\fB\\-\\-apn\\fR");
        int dryRun = up.indexOf("\\fB\\-\\-dry\\-run\\fR");
        int help = up.indexOf("\\fB\\-h\\fR");
        assertTrue(apn > 0 && apn < dryRun, up);
        assertTrue(help < 0, "up has no help option of its own: " + up);
        assertTrue(!up.contains("secret"), "hidden options stay out: " + up);
    }

    @Test
    void should_turn_picocli_line_breaks_into_roff_breaks() {
        assertTrue(page("tool").contains("Does tool things.\n.br\nSecond line.\n"));
    }
}
