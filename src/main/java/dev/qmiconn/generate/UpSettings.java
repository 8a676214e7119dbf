package dev.qmiconn.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Validated values of the {@code up} options, ready to be written as argv words. The generate commands parse
 * them with up's own mixins (cli.UpOptions, cli.ConnectPaths), so the
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

    public static String absolutePath(String option, String value) {
        ShellQuote.refuseControlCharacters(option, value);
        if (!value.startsWith("/") || value.length() > 4096) {
            throw bad("invalid " + option + " '" + value + "': give an absolute path (it runs at boot, from /)");
        }
        return value;
    }

    static QmiConnException bad(String message) {
        return new QmiConnException(ExitCode.BAD_INPUT, message);
    }
}
