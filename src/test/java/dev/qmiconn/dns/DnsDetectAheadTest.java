package dev.qmiconn.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver detection {@code up} starts before the data call and reads back at the hand-over: the same answer
 * as detecting at the hand-over, on every fixture root, and the hand-over follows it.
 */
class DnsDetectAheadTest {

    private static final List<String> ROOTS = List.of("debian-resolvconf", "dhcpcd-head", "networkmanager-openresolv",
            "plain-file", "resolved-stub", "rpi-bookworm-networkmanager", "rpi-bullseye-dhcpcd-openresolv");

    @TempDir
    Path tmp;

    @Test
    void should_detect_ahead_what_detecting_in_line_finds() {
        for (String name : ROOTS) {
            Path root = ResolverDetectorTest.ROOTS.resolve(name);
            assertEquals(Dns.detect(root), Dns.detectAhead(root).get(), name);
        }
    }

    @Test
    void should_hand_the_servers_to_the_backend_of_the_detection_it_is_given() {
        DnsTest.Calls calls = new DnsTest.Calls(spec -> 0);
        Path resolved = ResolverDetectorTest.ROOTS.resolve("resolved-stub");
        Dns.Setup onPlainFile = new Dns.Setup(DnsMode.AUTO, ResolverDetectorTest.ROOTS.resolve("plain-file"),
                tmp.resolve("resolv.conf.head"), tmp.resolve("resolv.conf"));
        new Dns(calls, tmp).apply(onPlainFile, "cdc-wdm0", "wwan0", List.of("10.177.0.34"),
                Dns.detectAhead(resolved));
        assertEquals(List.of(List.of("resolvectl", "dns", "wwan0", "10.177.0.34")), calls.argvs());
    }
}
