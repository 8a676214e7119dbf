package dev.qmiconn.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.qmiconn.process.Transcript;

/**
 * doctor finds qmicli and qmi-network the way up, status and down run them: the first on PATH. The libqmi it
 * names, version-checks and queries the modem with is the one {@code up} would use. Version answers are the
 * real qmicli banners (test-fixtures/qmicli/VERSION/version/ext-emulator.out).
 */
class LibqmiOnPathTest {

    @TempDir
    Path dir;

    private static Transcript realVersion(String v) {
        return Transcript.of(List.of("qmicli", "--version"), 0,
                DoctorRun.read(Path.of("test-fixtures/qmicli", v, "version/ext-emulator.out")), "");
    }

    private Path program(Path bin, String name) throws IOException {
        Files.createDirectories(bin);
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static String path(Path... dirs) {
        return String.join(":", java.util.Arrays.stream(dirs).map(Path::toString).toList());
    }

    @Test
    void should_name_the_first_qmicli_on_path_and_its_version_not_debians() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-modem", dir.resolve("root"));
        Path local = dir.resolve("usr-local-bin");
        Path qmicli = program(local, "qmicli");
        program(local, "qmi-network");

        DoctorRun run = DoctorRun.run(Map.of("PATH", path(local, root.resolve("usr/bin"))),
                List.of(realVersion("1.16.2")), "--json", "--no-query", "--root", root.toString());

        assertEquals("qmicli is " + qmicli, run.finding("qmicli").get("why").asText());
        assertEquals("qmi-network is " + local.resolve("qmi-network"), run.finding("qmi-network").get("why").asText());
        JsonNode v = run.finding("libqmi-version");
        assertTrue(v.get("why").asText().startsWith(qmicli + ": libqmi 1.16.2 has the IP-family bug"), v.toString());
    }

    @Test
    void should_find_a_self_built_libqmi_outside_the_system_directories() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-modem", dir.resolve("root"));
        Files.delete(root.resolve("usr/bin/qmicli"));
        Files.deleteIfExists(root.resolve("usr/bin/qmi-network"));
        Path own = dir.resolve("opt/libqmi/bin");
        program(own, "qmicli");
        program(own, "qmi-network");

        DoctorRun run = DoctorRun.run(Map.of("PATH", path(own, root.resolve("usr/bin"))),
                List.of(realVersion("1.26.10")), "--json", "--no-query", "--root", root.toString());

        assertEquals("ok", run.finding("qmicli").get("result").asText(), run.out);
        assertEquals("ok", run.finding("qmi-network").get("result").asText(), run.out);
        assertEquals("ok", run.finding("libqmi-version").get("result").asText(), run.out);
        assertTrue(run.exitCode != 15, "no failure: " + run.out);
    }

    @Test
    void should_call_libqmi_1_16_0_fine_for_ipv4_with_no_workaround() {
        DoctorRun run = DoctorRun.run(List.of(realVersion("1.16.0")), "--json", "--no-query", "--root",
                DoctorRun.TREES.resolve("e397u53-modem").toString());

        JsonNode v = run.finding("libqmi-version");
        assertEquals("ok", v.get("result").asText(), v.toString());
        assertTrue(v.get("why").asText().contains("libqmi 1.16.0 works for IPv4 with nothing to work around"),
                v.toString());
        assertTrue(v.get("why").asText().contains("IPv6 (--ip-type 6 or 4v6) is impossible"), v.toString());
    }
}
