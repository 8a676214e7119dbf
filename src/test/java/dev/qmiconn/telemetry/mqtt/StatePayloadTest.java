package dev.qmiconn.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.telemetry.Snapshots;

class StatePayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_carry_exactly_the_documented_fields() throws Exception {
        JsonNode o = JSON.readTree(StatePayload.render(Snapshots.connected(), "pi-7"));
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        assertEquals(StatePayload.FIELDS, names);
    }

    @Test
    void should_stay_under_the_size_docs_telemetry_counts_for_the_metered_link() {
        // docs/TELEMETRY.md: ~0.9 kB per publish with MQTT and TCP/IP headers and the PUBACK
        int bytes = StatePayload.render(Snapshots.connected(), "raspberrypi").getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 750, bytes + " bytes");
    }

    @Test
    void should_publish_a_connected_modem_with_its_values() throws Exception {
        JsonNode o = JSON.readTree(StatePayload.render(Snapshots.connected(), "pi-7"));
        assertEquals("connected", o.get("state").asText());
        assertTrue(o.get("connected").asBoolean());
        assertEquals(-95.0, o.get("rsrp_dbm").asDouble());
        assertEquals(3600, o.get("session_uptime_s").asLong());
        assertEquals(3, o.get("reconnects").asLong());
        assertEquals(2, o.get("reconnect_reasons").get("session-dropped").asLong());
        assertEquals("2026-12-14", o.get("period_end").asText());
        assertEquals(200_000_000L, o.get("cap_bytes").asLong());
    }

    @Test
    void should_say_the_link_is_down_with_nulls_for_what_is_unknown() throws Exception {
        String text = StatePayload.render(Snapshots.linkDown(), "pi-7");
        JsonNode o = JSON.readTree(text);
        assertFalse(o.get("connected").asBoolean());
        assertEquals("waiting", o.get("state").asText());
        for (String f : List.of("rsrp_dbm", "rssi_dbm", "registration", "radio", "tx_bytes", "usage_bytes",
                "operator")) {
            assertTrue(o.get(f).isNull(), f + " in " + text);
        }
        assertEquals("CallFailed: no-service", o.get("last_error").asText());
        assertFalse(text.contains(Snapshots.ICCID));
    }

    @Test
    void should_announce_one_home_assistant_entity_per_field_on_the_modems_topics() throws Exception {
        Topics t = new Topics("fleet/site-a", "pi 7", "cdc-wdm0");
        Map<String, String> configs = HaDiscovery.configs(t);
        assertEquals(HaDiscovery.ENTITIES.size(), configs.size());
        String rsrpTopic = "homeassistant/sensor/qmi-conn_pi_7_cdc-wdm0/rsrp/config";
        JsonNode rsrp = JSON.readTree(configs.get(rsrpTopic));
        assertEquals("fleet/site-a/pi_7/cdc-wdm0/state", rsrp.get("state_topic").asText());
        assertEquals("fleet/site-a/pi_7/cdc-wdm0/availability", rsrp.get("availability_topic").asText());
        assertEquals("{{ value_json.rsrp_dbm }}", rsrp.get("value_template").asText());
        assertEquals("dBm", rsrp.get("unit_of_measurement").asText());
        assertEquals("qmi-conn_pi_7_cdc-wdm0", rsrp.get("device").get("identifiers").get(0).asText());
        for (HaDiscovery.Entity e : HaDiscovery.ENTITIES) {
            assertTrue(StatePayload.FIELDS.contains(e.field()), e + " reads a field the state payload lacks");
        }
    }
}
