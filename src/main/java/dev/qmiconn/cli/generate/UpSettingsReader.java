package dev.qmiconn.cli.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.generate.UpSettings;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Reads {@link UpSettings} from what the user typed to a generate command (up's own mixins parsed it). */
final class UpSettingsReader {

    private UpSettingsReader() {
    }

    /**
     * The options the user gave to a generate command ({@code --iface} else {@code ifaceDefault}); a one-line
     * BAD_INPUT for the first bad one. Read from the parse result, not the mixins' fields: those hold up's
     * defaults, and converted values ({@code Path}, {@code Duration}) that no longer read as typed.
     */
    static UpSettings read(ParseResult given, String ifaceDefault) {
        given.matchedOptions().stream().filter(OptionSpec::hidden).findFirst().ifPresent(o -> {
            throw bad(o.longestName() + " is an internal option of up: generate does not write it");
        });
        String iface = typed(given, "--iface").orElse(ifaceDefault);
        return new UpSettings(
                UpSettings.absolutePath("--qmi-conn", typedOrDefault(given, "--qmi-conn")),
                typed(given, "--apn").map(Validation::apn),
                Validation.device(typedOrDefault(given, "--device")),
                "auto".equals(iface) ? "auto" : Validation.iface(iface),
                Optional.ofNullable(Validation.credential("--user", typed(given, "--user").orElse(null))),
                Optional.ofNullable(Validation.credential("--password", typed(given, "--password").orElse(null))),
                oneOf("--auth", typed(given, "--auth"), Set.of("none", "pap", "chap", "both")),
                oneOf("--ip-type", typed(given, "--ip-type"), Set.of("4", "6", "4v6")),
                typed(given, "--pin").map(Validation::pin),
                oneOf("--ip-config", typed(given, "--ip-config"), Set.of("dhcp", "static", "auto")),
                oneOf("--backend", typed(given, "--backend"), Set.of("qmicli", "qmi-network")),
                typed(given, "--timeout"),
                typed(given, "--state-dir").map(p -> UpSettings.absolutePath("--state-dir", p)),
                typed(given, "--resolv-head").map(p -> UpSettings.absolutePath("--resolv-head", p)),
                typed(given, "--resolv-conf").map(p -> UpSettings.absolutePath("--resolv-conf", p)),
                given.hasMatchedOption("--dns-apply"),
                given.hasMatchedOption("--proxy"),
                typed(given, "--profile").map(p -> UpSettings.absolutePath("--profile", p)));
    }

    /** The text the user typed for {@code option} (its last occurrence), if given. */
    private static Optional<String> typed(ParseResult given, String option) {
        if (!given.hasMatchedOption(option)) {
            return Optional.empty();
        }
        List<String> values = given.matchedOption(option).originalStringValues();
        return Optional.of(values.get(values.size() - 1));
    }

    private static String typedOrDefault(ParseResult given, String option) {
        return typed(given, option).orElseGet(() -> given.commandSpec().findOption(option).defaultValue());
    }

    private static Optional<String> oneOf(String option, Optional<String> given, Set<String> allowed) {
        if (given.isEmpty()) {
            return given;
        }
        String value = given.get();
        if (!allowed.contains(value)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid " + option + " '" + Validation.printable(value) + "': expected one of "
                    + allowed.stream().sorted().toList());
        }
        return given;
    }

    private static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, message);
    }
}
