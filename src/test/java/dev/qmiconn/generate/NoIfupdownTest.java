package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate interfaces on a NetworkManager system (Raspberry Pi OS bookworm): no ifupdown, said plainly. */
class NoIfupdownTest {

    @Test
    void should_say_plainly_that_nothing_reads_the_stanza_without_ifupdown(@TempDir Path root) throws Exception {
        Path stanza = Path.of("/etc/network/interfaces.d/wwan0");
        assertEquals(List.of(InterfacesSourceCheck.NO_IFUPDOWN), InterfacesSourceCheck.warnings(root, stanza, "wwan0"));

        Files.createDirectories(root.resolve("sbin"));
        Files.writeString(root.resolve("sbin/ifup"), "#!/bin/sh\n");
        root.resolve("sbin/ifup").toFile().setExecutable(true);
        assertEquals(1, InterfacesSourceCheck.warnings(root, stanza, "wwan0").size());
        assertEquals(true, InterfacesSourceCheck.warnings(root, stanza, "wwan0").get(0).startsWith("cannot read "),
                "ifupdown without its file is the other, older message");
    }
}
