package dev.qmiconn.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.qmiconn.cli.ExitCode;
import dev.qmiconn.cli.QmiConnException;
import dev.qmiconn.config.Validation;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Validated values of the {@code up} options, ready to be written as argv words. The generate commands parse
 * them with up's own mixins ({@link dev.qmiconn.cli.UpOptions}, {@link dev.qmiconn.cli.ConnectPaths}), so the
 * names and the duration check are up's; what is written is only what the user gave, as typed (qmi-conn's own
 * defaults then apply at boot), except the device and interface, which are always written so the stanza, the
 * unit and the udev rule name the same modem. APN, device, interface, credentials and PIN go through
 * {@link Validation} (which refuses shell metacharacters outright); paths only have to be absolute and free of
 * control characters, and are quoted by the renderer for its target syntax.
 */
public record UpSettings(String program, Optional<String> apn, String device, String iface,
                         Optional<String> user, Optional<String> password, Optional<String> auth,
                         Optional<String> ipType, Optional<String> pin, Optional<String> ipConfig,
                         Optional<String> backend, Optional<String> timeout, Optional<String> stateDir,
                         Optional<String> resolvHead, Optional<String> resolvConf, boolean dnsApply,
                         boolean proxy, Optional<String> profile) {

    /**
     * The options the user gave to a generate command ({@code --iface} else {@code ifaceDefault}); a one-line
     * BAD_INPUT for the first bad one. Read from the parse result, not the mixins' fields: those hold up's
     * defaults, and converted values ({@code Path}, {@code Duration}) that no longer read as typed.
     */
    static UpSettings of(ParseResult given, String ifaceDefault) {
        given.matchedOptions().stream().filter(OptionSpec::hidden).findFirst().ifPresent(o -> {
            throw bad(o.longestName() + " is an internal option of up: generate does not write it");
        });
        String iface = typed(given, "--iface").orElse(ifaceDefault);
        return new UpSettings(
                absolutePath("--qmi-conn", typedOrDefault(given, "--qmi-conn")),
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
                typed(given, "--state-dir").map(p -> absolutePath("--state-dir", p)),
                typed(given, "--resolv-head").map(p -> absolutePath("--resolv-head", p)),
                typed(given, "--resolv-conf").map(p -> absolutePath("--resolv-conf", p)),
                given.hasMatchedOption("--dns-apply"),
                given.hasMatchedOption("--proxy"),
                typed(given, "--profile").map(p -> absolutePath("--profile", p)));
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

    /** True when the file holding these settings must not be world-readable. */
    public boolean hasSecrets() {
        return password.isPresent() || pin.isPresent();
    }

    /** The words after {@code qmi-conn}: {@code up --apn ... }, unquoted. */
    public List<String> upArgs() {
        List<String> a = new ArrayList<>(List.of("up"));
        apn.ifPresent(v -> a.addAll(List.of("--apn", v)));
        a.addAll(List.of("--device", device, "--iface", iface));
        user.ifPresent(v -> a.addAll(List.of("--user", v)));
        password.ifPresent(v -> a.addAll(List.of("--password", v)));
        auth.ifPresent(v -> a.addAll(List.of("--auth", v)));
        ipType.ifPresent(v -> a.addAll(List.of("--ip-type", v)));
        pin.ifPresent(v -> a.addAll(List.of("--pin", v)));
        ipConfig.ifPresent(v -> a.addAll(List.of("--ip-config", v)));
        backend.ifPresent(v -> a.addAll(List.of("--backend", v)));
        timeout.ifPresent(v -> a.addAll(List.of("--timeout", v)));
        addCommon(a);
        if (dnsApply) {
            a.add("--dns-apply");
        }
        profile.ifPresent(v -> a.addAll(List.of("--profile", v)));
        return a;
    }

    /** The words after {@code qmi-conn} for the matching teardown: the same modem, state and DNS files. */
    public List<String> downArgs() {
        List<String> a = new ArrayList<>(List.of("down", "--device", device, "--iface", iface));
        addCommon(a);
        return a;
    }

    /** What {@code down} needs to find the same session, lock and DNS block that {@code up} made. */
    private void addCommon(List<String> a) {
        if (proxy) {
            a.add("--proxy");
        }
        stateDir.ifPresent(v -> a.addAll(List.of("--state-dir", v)));
        resolvHead.ifPresent(v -> a.addAll(List.of("--resolv-head", v)));
        resolvConf.ifPresent(v -> a.addAll(List.of("--resolv-conf", v)));
    }

    private static Optional<String> oneOf(String option, Optional<String> given, Set<String> allowed) {
        if (given.isEmpty()) {
            return given;
        }
        String value = given.get();
        if (!allowed.contains(value)) {
            throw bad("invalid " + option + " '" + Validation.printable(value) + "': expected one of "
                    + allowed.stream().sorted().toList());
        }
        return given;
    }

    static String absolutePath(String option, String value) {
        ShellQuote.refuseControlCharacters(option, value);
        if (!value.startsWith("/") || value.length() > 4096) {
            throw bad("invalid " + option + " '" + value + "': give an absolute path (it runs at boot, from /)");
        }
        return value;
    }

    private static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, message);
    }
}
