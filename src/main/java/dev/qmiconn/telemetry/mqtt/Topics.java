package dev.qmiconn.telemetry.mqtt;

/**
 * The topics of one modem: {@code PREFIX/HOST/DEVICE/availability} ("online", or "offline" as the last will and
 * on a clean stop) and {@code PREFIX/HOST/DEVICE/state} (the JSON snapshot), both retained. HOST is in the path
 * because a fleet's Pis all have a {@code cdc-wdm0}.
 */
public record Topics(String prefix, String host, String device) {

    public static final String AVAILABILITY = "availability";
    public static final String STATE = "state";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public Topics {
        host = level(host);
        device = level(device);
    }

    /** One topic level from a host or device name: letters, digits, '.', '_' and '-' (others become '_'). */
    static String level(String name) {
        String s = name == null || name.isBlank() ? "unknown" : name.strip();
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public String base() {
        return prefix + "/" + host + "/" + device;
    }

    public String availability() {
        return base() + "/" + AVAILABILITY;
    }

    public String state() {
        return base() + "/" + STATE;
    }

    /** Home Assistant's node id and MQTT client id: unique per modem on a shared broker. */
    public String nodeId() {
        return ("qmi-conn_" + host + "_" + device).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
