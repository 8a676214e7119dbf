package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DhcpRendererTest {

    static final Path FIXTURES = Path.of("test-fixtures/at/dhcp");

    @ParameterizedTest
    @ValueSource(strings = {"freedompop", "outside-gateway"})
    void should_render_the_golden_text(String name) throws IOException {
        DhcpSettings s = DhcpDecoder.decode(Files.readString(FIXTURES.resolve(name + ".in")));
        assertEquals(Files.readString(FIXTURES.resolve(name + ".txt")), DhcpRenderer.text(s, "wwan0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"freedompop"})
    void should_render_the_golden_json(String name) throws IOException {
        DhcpSettings s = DhcpDecoder.decode(Files.readString(FIXTURES.resolve(name + ".in")));
        assertEquals(Files.readString(FIXTURES.resolve(name + ".json")), DhcpRenderer.json(s, "wwan0"));
    }

    @org.junit.jupiter.api.Test
    void should_remove_only_the_address_on_down() {
        assertEquals(List.of(List.of("ip", "-4", "addr", "flush", "dev", "wwan1")), StaticIpPlan.remove("wwan1"));
    }

    @org.junit.jupiter.api.Test
    void should_print_odd_rates_plainly() {
        assertEquals("999 bit/s", DhcpRenderer.rate(999));
        assertEquals("64000 bit/s (64 kbit/s)", DhcpRenderer.rate(64000));
        assertEquals("1000001 bit/s", DhcpRenderer.rate(1000001));
    }
}
