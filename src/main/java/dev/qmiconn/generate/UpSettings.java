package dev.qmiconn.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.qmiconn.cli.ExitCode;
import dev.qmiconn.cli.QmiConnException;
import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.DurationParser;

/**
 * Validated values of the {@code up} options, ready to be written as argv words. APN, device, interface,
 * credentials and PIN go through {@link Validation} (which refuses shell metacharacters outright); paths only
 * have to be absolute and free of control characters, and are quoted by the renderer for its target syntax.
 */
public record UpSettings(String program, Optional<String> apn, String device, String iface,
                         Optional<String> user, Optional<String> password, Optional<String> auth,
                         Optional<String> ipType, Optional<String> pin, Optional<String> ipConfig,
                         Optional<String> backend, Optional<String> timeout, Optional<String> stateDir,
                         Optional<String> resolvHead, Optional<String> resolvConf, boolean dnsApply,
                         boolean proxy, Optional<String> profile) {

    static UpSettings of(UpOptions o, String iface) {
        return new UpSettings(
                absolutePath("--qmi-conn", o.program),
                Optional.ofNullable(o.apn).map(Validation::apn),
                Validation.device(o.device),
                "auto".equals(iface) ? "auto" : Validation.iface(iface),
                Optional.ofNullable(Validation.credential("--user", o.user)),
                Optional.ofNullable(Validation.credential("--password", o.password)),
                oneOf("--auth", o.auth, Set.of("none", "pap", "chap", "both")),
                oneOf("--ip-type", o.ipType, Set.of("4", "6", "4v6")),
                Optional.ofNullable(o.pin).map(Validation::pin),
                oneOf("--ip-config", o.ipConfig, Set.of("dhcp", "static", "auto")),
                oneOf("--backend", o.backend, Set.of("qmicli", "qmi-network")),
                Optional.ofNullable(o.timeout).map(UpSettings::duration),
                Optional.ofNullable(o.stateDir).map(p -> absolutePath("--state-dir", p)),
                Optional.ofNullable(o.resolvHead).map(p -> absolutePath("--resolv-head", p)),
                Optional.ofNullable(o.resolvConf).map(p -> absolutePath("--resolv-conf", p)),
                o.dnsApply,
                o.proxy,
                Optional.ofNullable(o.profile).map(p -> absolutePath("--profile", p)));
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

    private static Optional<String> oneOf(String option, String value, Set<String> allowed) {
        if (value == null) {
            return Optional.empty();
        }
        if (!allowed.contains(value)) {
            throw bad("invalid " + option + " '" + Validation.printable(value) + "': expected one of "
                    + allowed.stream().sorted().toList());
        }
        return Optional.of(value);
    }

    /** Checked by up's own parser; the text the user typed is what gets written. */
    private static String duration(String value) {
        DurationParser.parse(value);
        return value;
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
