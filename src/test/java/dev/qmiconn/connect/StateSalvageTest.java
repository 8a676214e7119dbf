package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.qmiconn.connect.SessionState.DataSession;

/** What a damaged state file still says: complete session entries only, the interface only if it is the device's. */
class StateSalvageTest {

    @TempDir
    Path tmp;

    private String saved(Paths paths) throws Exception {
        SessionState s = SessionState.begin(new SessionState.Link("/dev/cdc-wdm0", "wwan0", "qmicli", false,
                        "1.32.2", 1), new SessionState.DnsFiles("/tmp/head", null))
                .allocated("wds", 12).withSession(new DataSession("ipv4", 12, 3634376449L))
                .allocated("wds", 13).withSession(new DataSession("ipv6", 13, 3634376450L))
                .up(new SessionState.Addressing("dhcp", "100.66.12.65", 30, "100.66.12.66", List.of("10.177.0.34"),
                        1500, null, null));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s);
    }

    @Test
    void should_keep_the_sessions_whose_entry_closed_before_the_cut() throws Exception {
        Paths paths = FlowFixtures.paths(tmp);
        String json = saved(paths);
        String cut = json.substring(0, json.lastIndexOf("\"cid\" : 13") + "\"cid\" : 1".length()); // 13 cut to 1

        SessionState s = StateSalvage.from(cut, "/dev/cdc-wdm0", paths);

        assertEquals(List.of(new DataSession("ipv4", 12, 3634376449L)), s.sessions());
        assertEquals("wwan0", s.iface());
        assertEquals("/dev/cdc-wdm0", s.device());
        assertEquals(paths.resolvHead().toString(), s.dnsFiles().resolvHead(),
                "resolvHead comes after the cut: the default");
    }

    @Test
    void should_salvage_nothing_from_garbage_and_trust_no_foreign_interface() throws Exception {
        Path sys = tmp.resolve("bare-sys");
        Files.createDirectories(sys.resolve("class/net/lo"));
        Files.writeString(sys.resolve("class/net/lo/type"), "772\n");
        Paths paths = new Paths(tmp.resolve("run"), tmp.resolve("head"), tmp.resolve("conf"), sys, tmp, tmp);

        SessionState garbage = StateSalvage.from("\u0000\u00ff{{", "/dev/cdc-wdm0", paths);
        SessionState lo = StateSalvage.from("{\"iface\" : \"lo\", \"sessions\" : [ {\"cid\" : 1", "/dev/cdc-wdm0", paths);

        assertEquals(List.of(), garbage.sessions());
        assertNull(garbage.iface());
        assertNull(lo.iface(), "a state file saying lo does not get lo flushed");
        assertEquals(List.of(), lo.sessions());
    }

    @Test
    void should_tell_a_damaged_file_from_a_missing_one() throws Exception {
        Path file = tmp.resolve("cdc-wdm0.json");
        StateStore store = new StateStore(file);
        assertEquals(java.util.Optional.empty(), store.read());

        Files.writeString(file, "");
        StateStore.DamagedStateException e = assertThrows(StateStore.DamagedStateException.class, store::read);

        assertEquals("empty", e.reason());
        assertEquals(tmp.resolve("cdc-wdm0.json.damaged"), store.moveAside());
        assertEquals(java.util.Optional.empty(), store.read());
    }
}
