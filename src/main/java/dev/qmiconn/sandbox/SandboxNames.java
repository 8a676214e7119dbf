package dev.qmiconn.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique names of one sandbox: a prefix such as {@code qc1a2b3c4d-} and the two network namespaces
 * {@code <prefix>host} (wwan0, the Pi's side) and {@code <prefix>modem} (mdm0 and dnsmasq, the modem's side).
 * Several test runs happen at once on one machine, so the prefix is random; the sweeper finds leftovers by it.
 */
public record SandboxNames(String prefix) {

    private static final Pattern NAMESPACE = Pattern.compile("(qc[0-9a-f]{8}-)(host|modem)");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SandboxNames {
        if (!prefix.matches("qc[0-9a-f]{8}-")) {
            throw new IllegalArgumentException("sandbox prefix must look like qc1a2b3c4d-: " + prefix);
        }
    }

    public static SandboxNames random() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return new SandboxNames("qc" + HexFormat.of().formatHex(bytes) + "-");
    }

    /** The sandbox a namespace name belongs to, if it is one of ours. */
    public static Optional<SandboxNames> ofNamespace(String namespace) {
        Matcher m = NAMESPACE.matcher(namespace);
        return m.matches() ? Optional.of(new SandboxNames(m.group(1))) : Optional.empty();
    }

    public String hostNamespace() {
        return prefix + "host";
    }

    public String modemNamespace() {
        return prefix + "modem";
    }
}
