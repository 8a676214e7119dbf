package dev.qmiconn.generate;

import java.util.Map;

import dev.qmiconn.settings.ConfigKey;

/** Renders a config file from checked values, in {@link ConfigKey} order (pure: golden-tested). */
public final class DeviceConfigRenderer {

    private DeviceConfigRenderer() {
    }

    /** The file for {@code device} holding {@code values} (each already passed {@link ConfigKey#check}). */
    public static String render(String device, Map<ConfigKey, String> values) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(GeneratedFile.MARKER).append(" by `qmi-conn generate config`; edit freely (generate")
                .append(" replaces only files with this line).\n");
        sb.append("# Settings of the modem on ").append(device).append(", read by qmi-conn up, watch and ensure")
                .append(" (options given\n");
        sb.append("# on the command line win). KEY=value lines, never run by a shell; keys: /usr/share/doc/qmi-conn/CONFIG.md.\n");
        if (values.keySet().stream().anyMatch(ConfigKey::secret)) {
            sb.append("# Holds a PIN or password: keep it readable by root only (chmod 600).\n");
        }
        for (ConfigKey key : ConfigKey.values()) {
            String v = values.get(key);
            if (v != null) {
                sb.append(key.name()).append('=').append(v).append('\n');
            }
        }
        return sb.toString();
    }
}
