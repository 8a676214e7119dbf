package dev.qmiconn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    @Test
    void should_load_every_built_in_scenario_under_its_own_name() {
        for (String name : Scenario.BUILT_IN) {
            assertEquals(name, Scenario.load(name).name());
        }
    }

    @Test
    void should_name_every_scenario_file_the_jar_ships_in_built_in() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/scenarios"))) {
            java.util.Set<String> shipped = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json")).map(f -> f.substring(0, f.length() - ".json".length()))
                    .collect(java.util.stream.Collectors.toSet());
            assertEquals(shipped, java.util.Set.copyOf(Scenario.BUILT_IN));
        }
    }

    @Test
    void should_describe_the_guides_dongle_as_802_3_without_wda_accepting_the_metro_apns() {
        Scenario s = Scenario.load("e397u-53");
        assertEquals("E397u-53", s.identity().model());
        assertEquals("802-3", s.data().linkLayer());
        assertFalse(s.data().wda());
        assertTrue(s.data().apns().contains("fast.metropcs.com"));
        assertTrue(s.data().apns().contains("fp.com.attz"));
        assertEquals("lte", s.radio().technology());
        assertTrue(Scenario.load("raw-ip").data().wda());
    }

    @Test
    void should_load_a_scenario_file_by_path(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"name\":\"mine\",\"data\":{\"ipv4\":{\"address\":\"10.0.0.2\",\"prefix\":24,"
                + "\"gateway\":\"10.0.0.1\",\"dns1\":\"10.0.0.1\"}}}");
        Scenario s = Scenario.load(file.toString());
        assertEquals("mine", s.name());
        assertEquals(1500, s.data().ipv4().mtu());
        assertEquals("802-3", s.data().linkLayer());
    }

    @Test
    void should_say_where_bad_json_breaks() {
        Scenario.ScenarioException e = assertThrows(Scenario.ScenarioException.class,
                () -> Scenario.parse("{\n  \"name\": \"x\",\n  \"data\": {,\n}", "broken.json"));
        assertTrue(e.getMessage().startsWith("bad scenario broken.json (line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void should_reject_unknown_fields_and_name_them() {
        Scenario.ScenarioException e = assertThrows(Scenario.ScenarioException.class,
                () -> Scenario.parse("{\"name\":\"x\",\"apn\":\"internet\",\"data\":{\"ipv4\":{\"address\":"
                        + "\"10.0.0.2\",\"prefix\":24,\"gateway\":\"10.0.0.1\",\"dns1\":\"10.0.0.1\"}}}", "typo.json"));
        assertTrue(e.getMessage().contains("\"apn\""), e.getMessage());
    }

    @Test
    void should_reject_values_a_modem_cannot_have() {
        String bad = "{\"name\":\"x\",\"data\":{\"linkLayer\":\"ppp\",\"ipv4\":{\"address\":\"10.0.0.2\","
                + "\"prefix\":24,\"gateway\":\"10.0.0.1\",\"dns1\":\"10.0.0.1\"}}}";
        assertTrue(assertThrows(Scenario.ScenarioException.class, () -> Scenario.parse(bad, "b"))
                .getMessage().contains("linkLayer"));
        String badIp = bad.replace("ppp", "raw-ip").replace("10.0.0.2", "10.0.0.300");
        String why = assertThrows(Scenario.ScenarioException.class, () -> Scenario.parse(badIp, "b")).getMessage();
        assertTrue(why.contains("10.0.0.300"), why);
        String badFault = "{\"name\":\"x\",\"faults\":[{\"type\":\"no-answer\",\"request\":\"wds/dance\"}],"
                + "\"data\":{\"ipv4\":{\"address\":\"10.0.0.2\",\"prefix\":24,\"gateway\":\"10.0.0.1\","
                + "\"dns1\":\"10.0.0.1\"}}}";
        assertTrue(assertThrows(Scenario.ScenarioException.class, () -> Scenario.parse(badFault, "b"))
                .getMessage().contains("wds/dance"));
    }

    @Test
    void should_list_the_built_in_names_for_an_unknown_one() {
        Scenario.ScenarioException e = assertThrows(Scenario.ScenarioException.class,
                () -> Scenario.load("e397"));
        assertTrue(e.getMessage().contains("e397u-53") && e.getMessage().contains("raw-ip"), e.getMessage());
        assertTrue(assertThrows(Scenario.ScenarioException.class, () -> Scenario.load("/nonexistent/x.json"))
                .getMessage().contains("not found"));
    }

    @Test
    void should_keep_the_fault_suites_modem_an_e397u_53_but_for_its_slow_start_and_client_id_limit() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode bench = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(Path.of("bench/faults-slow-start.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode shipped = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(getClass().getResourceAsStream("/scenarios/e397u-53.json"));
        Scenario loaded = Scenario.load("bench/faults-slow-start.json");

        assertEquals(Fault.Type.SLOW_REPLY, loaded.faults().get(0).type());
        assertEquals(8, loaded.clientIdLimit());
        for (String differs : java.util.List.of("name", "description", "faults", "clientIdLimit")) {
            bench.remove(differs);
            shipped.remove(differs);
        }
        assertEquals(shipped, bench, "bench/faults-slow-start.json is e397u-53.json plus its fault and limit");
    }
}
