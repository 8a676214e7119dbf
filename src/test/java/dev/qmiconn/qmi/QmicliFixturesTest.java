package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.qmiconn.process.CommandResult;
import dev.qmiconn.qmi.parse.ActionParsers;
import dev.qmiconn.qmi.parse.QmicliParseException;

/**
 * Walks {@code test-fixtures/qmicli/VERSION/ACTION/CASE.out} (see the README there) and compares what qmi-conn
 * makes of each case with {@code CASE.json}: the parsed record, {@code {"parseError": ...}} or
 * {@code {"exitCode": ..., "failure": ...}}. New cases (e.g. recorded {@code emulator-*} ones) are found
 * automatically; run with {@code -Dqmiconn.fixtures.write=true} to write a missing {@code .json}, then review it.
 */
class QmicliFixturesTest {

    static final Path ROOT = Path.of("test-fixtures", "qmicli");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean WRITE = Boolean.getBoolean("qmiconn.fixtures.write");

    @TestFactory
    Stream<DynamicTest> every_fixture_case_gives_its_expected_json() throws IOException {
        return cases().stream().map(out -> DynamicTest.dynamicTest(ROOT.relativize(out).toString(), () -> check(out)));
    }

    @Test
    void every_parser_has_an_empty_and_a_garbage_case_and_every_version_folder_a_provenance() throws IOException {
        List<Path> all = cases();
        for (String action : ActionParsers.actions()) {
            for (String kind : List.of("empty", "garbage")) {
                assertTrue(all.stream().anyMatch(p -> p.getParent().getFileName().toString().equals(action)
                        && p.getFileName().toString().equals(kind + ".out")), action + " has no " + kind + " case");
            }
        }
        try (Stream<Path> versions = Files.list(ROOT)) {
            versions.filter(Files::isDirectory).forEach(v ->
                    assertTrue(Files.exists(v.resolve("PROVENANCE.md")), v + " has no PROVENANCE.md"));
        }
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> list = new ArrayList<>(files.filter(p -> p.toString().endsWith(".out")).sorted().toList());
            assertFalse(list.isEmpty(), "no fixtures under " + ROOT.toAbsolutePath());
            return list;
        }
    }

    private static void check(Path out) throws IOException {
        JsonNode actual = evaluate(out);
        Path expectedFile = sibling(out, ".json");
        if (!Files.exists(expectedFile)) {
            if (WRITE) {
                Files.writeString(expectedFile, JSON.writeValueAsString(actual) + "\n");
                return;
            }
            fail("missing " + expectedFile + "; qmi-conn makes of it:\n" + JSON.writeValueAsString(actual));
        }
        JsonNode expected = JSON.readTree(Files.readString(expectedFile));
        Comparator<JsonNode> numbersByValue = (a, b) -> a.equals(b) ? 0
                : a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        if (!expected.equals(numbersByValue, actual)) {
            assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(actual), out.toString());
        }
    }

    /** What qmi-conn makes of one case, as JSON. */
    static JsonNode evaluate(Path out) throws IOException {
        String action = out.getParent().getFileName().toString();
        String stdout = Files.readString(out);
        String stderr = read(sibling(out, ".err")).orElse("");
        String exit = read(sibling(out, ".exit")).map(String::strip).orElse("0");
        boolean timedOut = exit.equals("timeout");
        CommandResult result = new CommandResult(argv(action), timedOut ? -1 : Integer.parseInt(exit), stdout, stderr,
                timedOut, Duration.ofSeconds(timedOut ? 30 : 1));
        Optional<QmicliFailure> failure = QmicliErrors.classify(result);
        if (failure.isPresent()) {
            ObjectNode node = JSON.createObjectNode();
            node.put("exitCode", QmicliErrors.exitCode(failure.get().kind()).name());
            node.set("failure", JSON.valueToTree(failure.get()));
            return node;
        }
        Function<String, ?> parser = ActionParsers.forAction(action)
                .orElseThrow(() -> new AssertionError("no parser for action folder '" + action + "'"));
        try {
            return JSON.valueToTree(parser.apply(stdout));
        } catch (QmicliParseException e) {
            assertFalse(e.getMessage().contains("\n"), "parse error must be one line: " + e.getMessage());
            return JSON.createObjectNode().put("parseError", e.getMessage());
        }
    }

    static List<String> argv(String action) {
        return switch (action) {
            case "version" -> List.of("qmicli", "--version");
            case "qmi-network-start" -> List.of("qmi-network", "/dev/cdc-wdm0", "start");
            default -> List.of("qmicli", "-d", "/dev/cdc-wdm0", "--" + action);
        };
    }

    private static Path sibling(Path out, String ext) {
        String name = out.getFileName().toString();
        return out.resolveSibling(name.substring(0, name.length() - ".out".length()) + ext);
    }

    private static Optional<String> read(Path p) throws IOException {
        return Files.exists(p) ? Optional.of(Files.readString(p)) : Optional.empty();
    }
}
