package dev.qmiconn.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The top-level interfaces.d/ examples are exactly what the generator prints for the commands in its README. */
class InterfacesExamplesTest {

    private static final Path EXAMPLES = Path.of("interfaces.d");

    private static final Map<String, String[]> COMMANDS = Map.of(
            "metropcs-wwan0", new String[] {"--apn", "fast.metropcs.com"},
            "freedompop-wwan0", new String[] {"--apn", "fp.com.attz"},
            "metropcs-guide-wwan0", new String[] {"--style", "guide", "--apn", "fast.metropcs.com"});

    @Test
    void should_keep_every_example_identical_to_the_generator_output() throws IOException {
        for (Map.Entry<String, String[]> e : COMMANDS.entrySet()) {
            String[] args = Stream.concat(Stream.of("generate", "interfaces"), Stream.of(e.getValue()))
                    .toArray(String[]::new);
            Cli r = Cli.run(args);
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(r.out(), Files.readString(EXAMPLES.resolve(e.getKey())), e.getKey()
                    + " differs from `qmi-conn " + String.join(" ", args) + "`: regenerate it");
            String readme = Files.readString(EXAMPLES.resolve("README.md"));
            assertTrue(readme.contains("`qmi-conn " + String.join(" ", args) + "`"), "README lists " + e.getKey());
        }
    }

    @Test
    void should_name_examples_so_source_directory_reads_them() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md"))
                    .forEach(n -> assertTrue(n.matches("[a-zA-Z0-9_-]+"), n + " would be ignored by source-directory"));
        }
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            assertEquals(COMMANDS.size() + 1, files.count(), "every example has its command in this test");
        }
    }
}
