package dev.qmiconn.cli.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders man(7) pages straight from a live picocli {@link CommandSpec}, one page per command in git's
 * style ({@code qmi-conn-generate-systemd.1}), so every command registered at build time gets its page and
 * nothing is listed by hand. Plain roff (no AsciiDoc toolchain): {@code man -l} renders it as it is.
 */
public final class ManPage {

    /** A page's file name without section suffix (e.g. {@code qmi-conn-up}) and its roff source. */
    public record Page(String name, String roff) {
    }

    /** A section added to the root page only (EXIT STATUS, FILES, ...): title and ready roff body. */
    public record Section(String title, String roff) {
    }

    /** The order of picocli's own usage help: by the shortest name, dashes and case ignored. */
    private static final java.util.Comparator<OptionSpec> BY_NAME = java.util.Comparator.comparing(
            o -> o.shortestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT));

    private ManPage() {
    }

    /** Pages for {@code root} and, recursively, every subcommand that is not hidden nor picocli's help. */
    public static List<Page> pages(CommandSpec root, String version, List<Section> rootSections) {
        return pages(root, version, rootSections, List.of());
    }

    /** As above; {@code everyPage} sections (ENVIRONMENT, FILES) follow the root's own on every page. */
    public static List<Page> pages(CommandSpec root, String version, List<Section> rootSections,
                                   List<Section> everyPage) {
        List<Page> pages = new ArrayList<>();
        List<Section> onRoot = new ArrayList<>(rootSections);
        onRoot.addAll(everyPage);
        collect(root, version, onRoot, everyPage, pages);
        return pages;
    }

    private static void collect(CommandSpec spec, String version, List<Section> extra, List<Section> everyPage,
                                List<Page> into) {
        into.add(new Page(pageName(spec), render(spec, version, extra)));
        for (CommandSpec sub : documentedSubcommands(spec)) {
            collect(sub, version, everyPage, everyPage, into);
        }
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static List<CommandSpec> documentedSubcommands(CommandSpec spec) {
        return spec.subcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName())) // skip aliases
                .map(e -> e.getValue().getCommandSpec())
                .filter(s -> !s.usageMessage().hidden() && !(s.userObject() instanceof CommandLine.HelpCommand))
                .collect(Collectors.toList());
    }

    static String render(CommandSpec spec, String version, List<Section> extra) {
        StringBuilder r = new StringBuilder();
        String name = pageName(spec);
        r.append(".TH ").append(Roff.macroArg(name.toUpperCase(java.util.Locale.ROOT))).append(" 1 \"\" ")
                .append(Roff.macroArg(spec.root().name() + " " + version)).append(' ')
                .append(Roff.macroArg(spec.root().name() + " manual")).append('\n');
        r.append(".SH NAME\n").append(Roff.text(name)).append(" \\- ").append(Roff.text(summary(spec))).append('\n');
        r.append(".SH SYNOPSIS\n.nf\n");
        for (String line : synopsis(spec).split("\n")) {
            r.append(Roff.text(line.isBlank() ? " " : line.stripTrailing())).append('\n');
        }
        r.append(".fi\n.SH DESCRIPTION\n");
        paragraphs(r, spec.usageMessage().description());
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream()
                .filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            r.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                r.append(".TP\n").append(Roff.italic(p.paramLabel())).append('\n');
                paragraphs(r, described(p));
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden())
                .sorted(spec.usageMessage().sortOptions() ? BY_NAME : (a, b) -> 0).toList();
        if (!options.isEmpty()) {
            r.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                r.append(".TP\n").append(optionTag(o)).append('\n');
                paragraphs(r, described(o));
            }
        }
        List<CommandSpec> subs = documentedSubcommands(spec);
        if (!subs.isEmpty()) {
            r.append(".SH COMMANDS\n");
            for (CommandSpec s : subs) {
                r.append(".TP\n").append(Roff.bold(s.name())).append('\n')
                        .append(Roff.text(summary(s))).append(" See ").append(Roff.bold(pageName(s)))
                        .append("(1).\n");
            }
        }
        for (Section s : extra) {
            r.append(".SH ").append(Roff.macroArg(s.title())).append('\n').append(s.roff());
        }
        r.append(".SH \"SEE ALSO\"\n").append(seeAlso(spec, subs)).append('\n');
        return r.toString();
    }

    private static String synopsis(CommandSpec spec) {
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        return help.synopsis(0).stripTrailing();
    }

    /** First line of the command's header or description, as the NAME line wants it. */
    static String summary(CommandSpec spec) {
        String[] source = spec.usageMessage().header().length > 0
                ? spec.usageMessage().header() : spec.usageMessage().description();
        if (source.length == 0) {
            return "the " + spec.name() + " command";
        }
        return formatted(source[0]).split("\n")[0].strip();
    }

    private static String optionTag(OptionSpec o) {
        String names = java.util.Arrays.stream(o.names()).map(Roff::bold).collect(Collectors.joining(", "));
        boolean takesValue = o.arity().max() > 0 && !o.typeInfo().isBoolean();
        return takesValue ? names + "=" + Roff.italic(o.paramLabel()) : names;
    }

    private static String[] described(ArgSpec arg) {
        List<String> lines = new ArrayList<>(List.of(arg.renderedDescription()));
        String dflt = arg.defaultValueString();
        boolean showDefault = arg.showDefaultValue() == Help.Visibility.ALWAYS
                || (arg.showDefaultValue() == Help.Visibility.ON_DEMAND
                    && arg.command().usageMessage().showDefaultValues());
        if (dflt != null && !dflt.isEmpty() && showDefault && lines.stream().noneMatch(l -> l.contains(dflt))) {
            lines.add("Default: " + dflt + ".");
        }
        return lines.toArray(String[]::new);
    }

    private static void paragraphs(StringBuilder r, String[] descriptionLines) {
        boolean first = true;
        for (String line : descriptionLines) {
            for (String para : formatted(line).split("\n")) {
                if (para.isBlank()) {
                    continue;
                }
                if (!first) {
                    r.append(".br\n");
                }
                r.append(Roff.text(para)).append('\n');
                first = false;
            }
        }
    }

    /** picocli descriptions are format strings: {@code %n} is a line break, {@code %%} a percent sign. */
    static String formatted(String description) {
        return description.replace("%n", "\n").replace("%%", "%");
    }

    private static String seeAlso(CommandSpec spec, List<CommandSpec> subs) {
        List<String> refs = new ArrayList<>();
        if (spec.parent() != null) {
            refs.add(Roff.bold(pageName(spec.parent())) + "(1)");
        }
        subs.forEach(s -> refs.add(Roff.bold(pageName(s)) + "(1)"));
        if (spec.parent() == null) {
            refs.add(Roff.bold("qmicli") + "(1)");
            refs.add(Roff.bold("qmi-network") + "(1)");
        }
        return String.join(",\n", refs);
    }
}
