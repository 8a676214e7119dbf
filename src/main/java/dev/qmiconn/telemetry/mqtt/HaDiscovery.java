package dev.qmiconn.telemetry.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Home Assistant MQTT discovery: one retained config message per entity under
 * {@code homeassistant/<component>/<node id>/<object id>/config}, all reading the {@code state} topic's JSON and
 * following the {@code availability} topic, grouped as one device per modem.
 */
public final class HaDiscovery {

    public static final String PREFIX = "homeassistant";

    /** One entity: which JSON field of the state payload it shows, and how Home Assistant should treat it. */
    public record Entity(String component, String objectId, String name, String field, String unit,
                         String deviceClass, String stateClass) {
    }

    public static final List<Entity> ENTITIES = List.of(
            new Entity("binary_sensor", "connected", "Connected", "connected", null, "connectivity", null),
            new Entity("sensor", "state", "Link state", "state", null, null, null),
            new Entity("sensor", "operator", "Operator", "operator", null, null, null),
            new Entity("sensor", "radio", "Radio technology", "radio", null, null, null),
            new Entity("sensor", "rssi", "RSSI", "rssi_dbm", "dBm", "signal_strength", "measurement"),
            new Entity("sensor", "rsrp", "RSRP", "rsrp_dbm", "dBm", "signal_strength", "measurement"),
            new Entity("sensor", "rsrq", "RSRQ", "rsrq_db", "dB", null, "measurement"),
            new Entity("sensor", "snr", "SNR", "snr_db", "dB", null, "measurement"),
            new Entity("sensor", "usage", "Data used this period", "usage_bytes", "B", "data_size", "total"),
            new Entity("sensor", "session_uptime", "Session uptime", "session_uptime_s", "s", "duration",
                    "measurement"),
            new Entity("sensor", "reconnects", "Reconnects", "reconnects", null, null, "total_increasing"),
            new Entity("sensor", "last_error", "Last error", "last_error", null, null, null));

    private static final ObjectMapper JSON = new ObjectMapper();

    private HaDiscovery() {
    }

    /** Config topic to retained payload, in {@link #ENTITIES} order. */
    public static Map<String, String> configs(Topics topics) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entity e : ENTITIES) {
            out.put(PREFIX + "/" + e.component() + "/" + topics.nodeId() + "/" + e.objectId() + "/config",
                    config(topics, e));
        }
        return out;
    }

    static String config(Topics topics, Entity e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", e.name());
        o.put("unique_id", topics.nodeId() + "_" + e.objectId());
        o.put("object_id", topics.nodeId() + "_" + e.objectId());
        o.put("state_topic", topics.state());
        if (e.component().equals("binary_sensor")) {
            o.put("value_template", "{{ 'ON' if value_json." + e.field() + " else 'OFF' }}");
        } else {
            o.put("value_template", "{{ value_json." + e.field() + " }}");
        }
        o.put("availability_topic", topics.availability());
        o.put("payload_available", Topics.ONLINE);
        o.put("payload_not_available", Topics.OFFLINE);
        if (e.unit() != null) {
            o.put("unit_of_measurement", e.unit());
        }
        if (e.deviceClass() != null) {
            o.put("device_class", e.deviceClass());
        }
        if (e.stateClass() != null) {
            o.put("state_class", e.stateClass());
        }
        ObjectNode device = o.putObject("device");
        device.putArray("identifiers").add(topics.nodeId());
        device.put("name", "LTE modem " + topics.device() + " on " + topics.host());
        device.put("manufacturer", "qmi-conn");
        device.put("model", "Qualcomm QMI modem");
        return o.toString();
    }
}
