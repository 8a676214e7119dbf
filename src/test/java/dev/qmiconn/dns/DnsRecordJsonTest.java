package dev.qmiconn.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code <tag>.dns.json} through the streaming core: the ObjectMapper's bytes, read back as leniently as it did. */
class DnsRecordJsonTest {

    /** What wrote and read the file before (and older versions' files on disk). */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final List<DnsRecord> RECORDS = List.of(
            new DnsRecord("resolved", "wwan0", "cdc-wdm0", List.of("10.177.0.34", "10.177.0.210"),
                    "/usr/bin/resolvectl", List.of(), null, "systemd-resolved (stub)"),
            new DnsRecord("resolvconf", "wwan0", "cdc-wdm0", List.of("8.8.8.8"), "/sbin/resolvconf", List.of(),
                    ResolvconfBackend.DEBIAN, "resolvconf"),
            new DnsRecord("file", "wwan1", "at-wwan1", List.of("2001:db8::53", "10.0.0.1"), null,
                    List.of("/etc/resolv.conf", "/etc/resolv.conf.head"), null, "nobody \"quoted\" \\ é"),
            new DnsRecord("none", null, "cdc-wdm1", List.of(), null, List.of(), null, null));

    @Test
    void should_write_what_the_object_mapper_wrote_byte_for_byte(@TempDir Path dir) throws Exception {
        for (DnsRecord r : RECORDS) {
            r.write(dir);
            assertEquals(MAPPER.writeValueAsString(r) + "\n", Files.readString(DnsRecord.file(dir, r.tag())));
        }
    }

    @Test
    void should_read_back_what_it_and_the_object_mapper_wrote(@TempDir Path dir) throws Exception {
        for (DnsRecord r : RECORDS) {
            r.write(dir);
            assertEquals(Optional.of(r), DnsRecord.read(dir, r.tag()));
            assertEquals(r, DnsRecord.fromJson(MAPPER.writeValueAsString(r)));
        }
        assertEquals(Optional.empty(), DnsRecord.read(dir, "cdc-wdm9"));
    }

    @Test
    void should_ignore_unknown_fields_and_take_missing_lists_as_empty() throws Exception {
        String text = "{\"backend\":\"file\",\"future\":{\"a\":[1]},\"tag\":\"cdc-wdm0\",\"servers\":[\"1.1.1.1\", 9]}";
        DnsRecord r = DnsRecord.fromJson(text);
        assertEquals(MAPPER.readValue(text, DnsRecord.class), r);
        assertEquals(List.of("1.1.1.1", "9"), r.servers());
        assertEquals(List.of(), r.files());
    }

    @Test
    void should_name_the_file_when_it_is_damaged(@TempDir Path dir) throws Exception {
        for (String damaged : List.of("", "{\"backend\":", "[1]", "{\"servers\":\"8.8.8.8\"}",
                "{\"backend\":{\"x\":1}}", "{\"files\":[null]}")) {
            Files.writeString(DnsRecord.file(dir, "cdc-wdm0"), damaged);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DnsRecord.read(dir, "cdc-wdm0"),
                    damaged);
            assertTrue(e.getMessage().startsWith("unreadable " + DnsRecord.file(dir, "cdc-wdm0") + ": "),
                    e.getMessage());
            assertTrue(e.getCause() instanceof IOException);
        }
    }
}
