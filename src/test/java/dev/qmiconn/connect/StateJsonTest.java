package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The streaming state file: the same bytes the ObjectMapper wrote, read back whole, damage named. */
class StateJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static SessionState up() {
        return SessionState.begin(new SessionState.Link("/dev/cdc-wdm0", "wwan0", "qmicli", false, "1.32.2",
                        1764515534L), new SessionState.DnsFiles("/etc/resolv.conf.head", null))
                .allocated("nas", 1).allocated("uim", 1).allocated("wds", 2)
                .withSession(new SessionState.DataSession("ipv4", 2, 3634376705L))
                .up(new SessionState.Addressing("dhcp", "100.66.12.65", 30, "100.66.12.66",
                        List.of("10.177.0.34", "10.177.0.210"), 1500, null, null));
    }

    @Test
    void should_write_what_the_object_mapper_wrote_byte_for_byte() throws Exception {
        SessionState starting = SessionState.begin(new SessionState.Link("/dev/cdc-wdm1", null, "qmi-network", true,
                null, 0), null).allocating("wds");
        SessionState dual = up().withSession(new SessionState.DataSession("ipv6", 3, 42L))
                .up(new SessionState.Addressing("static", "10.0.0.2", 24, null, List.of(), null, "2001:db8::1", 64));
        for (SessionState s : List.of(up(), starting, dual, up().idle())) {
            assertEquals(MAPPER.writeValueAsString(s), StateJson.write(s));
        }
    }

    @Test
    void should_read_back_every_part_it_wrote(@TempDir Path dir) {
        StateStore store = new StateStore(dir.resolve("cdc-wdm0.json"));
        store.write(up());
        assertEquals(up(), store.read().orElseThrow());
        assertEquals(java.util.Optional.of(1), up().keptCid("nas"));
    }

    @Test
    void should_ignore_unknown_fields_and_take_numbers_written_as_strings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cdc-wdm0.json");
        Files.writeString(file, "{\"format\":2,\"future\":{\"x\":[1,2]},\"link\":{\"device\":\"/dev/cdc-wdm0\","
                + "\"proxy\":false,\"startedAtEpochSecond\":\"17\"},\"phase\":\"up\",\"clientIds\":[{\"service\":\"wds\","
                + "\"cid\":\"4\"}]}");
        SessionState s = new StateStore(file).read().orElseThrow();
        assertEquals(17, s.startedAtEpochSecond());
        assertEquals(List.of(new SessionState.ClientId("wds", 4)), s.clientIds());
        assertEquals(SessionState.Phase.UP, s.phase());
    }

    @Test
    void should_call_a_file_with_a_field_of_the_wrong_kind_damaged_and_say_which(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("cdc-wdm0.json");
        Files.writeString(file, "{\"format\":2,\"link\":{\"device\":\"/dev/cdc-wdm0\"},\"clientIds\":[{\"cid\":\"x\"}]}");
        StateStore.DamagedStateException e = assertThrows(StateStore.DamagedStateException.class,
                () -> new StateStore(file).read());
        assertEquals("field 'cid': 'x' is not a whole number", e.reason());
        Files.writeString(file, "{\"format\":2,\"link\":{\"device\":\"/dev/cdc-wdm0\"},\"phase\":\"dancing\"}");
        e = assertThrows(StateStore.DamagedStateException.class, () -> new StateStore(file).read());
        assertTrue(e.reason().contains("'dancing' is not one of"), e.reason());
        Files.writeString(file, "{\"format\":2,\"link\":{\"device\":");
        e = assertThrows(StateStore.DamagedStateException.class, () -> new StateStore(file).read());
        assertTrue(e.reason().startsWith("Unexpected end-of-input"), e.reason());
    }
}
