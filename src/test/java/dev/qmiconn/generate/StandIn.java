package dev.qmiconn.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in {@code qmi-conn}: a tiny sh script that records its argv (NUL-separated, one file per call) in
 * its own directory and does nothing else. Hostile values in tests try to create files in the same directory,
 * so "nothing but qmi-conn ran" is: the directory holds the script and its call records, nothing more.
 */
final class StandIn {

    final Path dir;
    final Path program;

    StandIn(Path dir) throws IOException {
        this.dir = dir;
        this.program = dir.resolve("qmi-conn");
        Files.writeString(program, "#!/bin/sh\n"
                + "n=$(ls \"$(dirname \"$0\")\" | grep -c '^call-')\n"
                + "printf '%s\\0' \"$@\" > \"$(dirname \"$0\")/call-$n\"\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The argv of each call, in order. */
    List<List<String>> calls() throws IOException {
        List<List<String>> calls = new ArrayList<>();
        for (int i = 0; Files.exists(dir.resolve("call-" + i)); i++) {
            String raw = Files.readString(dir.resolve("call-" + i), StandardCharsets.UTF_8);
            calls.add(raw.isEmpty() ? List.of() : Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1)));
        }
        return calls;
    }

    /** Every file in the directory besides the script and its call records (should be none). */
    List<String> strayFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("qmi-conn") && !n.startsWith("call-")).sorted().toList();
        }
    }
}
