package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.qmiconn.qmi.parse.ActionParsers;
import dev.qmiconn.qmi.parse.QmicliParseException;

/**
 * Every parser, fed every fixture cut short at each line and with lines shuffled or doubled, either returns a
 * record or throws the one-line {@link QmicliParseException}: never a NumberFormatException or NPE.
 */
class ParserRobustnessTest {

    /** The error reader must never throw either, whatever a failed qmicli printed. */
    private static void classifyMutatedFailures(Path out, Random random) throws IOException {
        String name = out.getFileName().toString();
        Path err = out.resolveSibling(name.substring(0, name.length() - 4) + ".err");
        if (!Files.exists(err)) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of((Files.readString(err) + Files.readString(out)).split("\n")));
        for (int k = 0; k < 20; k++) {
            java.util.Collections.shuffle(lines, random);
            String text = String.join("\n", lines).replaceAll("\\d", k % 2 == 0 ? "9999999999" : "");
            try {
                QmicliErrors.toException(new dev.qmiconn.process.CommandResult(List.of("qmicli", "-d", "x",
                        "--wds-start-network"), 1, text, text, false, java.time.Duration.ZERO), null).getMessage();
            } catch (RuntimeException e) {
                fail(err + ": " + e + " for input:\n" + text);
            }
        }
    }

    @Test
    void should_never_fail_with_anything_but_a_parse_error() throws IOException {
        Random random = new Random(42);
        for (Path out : QmicliFixturesTest.cases()) {
            String action = out.getParent().getFileName().toString();
            classifyMutatedFailures(out, random);
            Function<String, ?> parser = ActionParsers.forAction(action).orElse(null);
            if (parser == null) {
                continue;
            }
            List<String> lines = List.of(Files.readString(out).split("\n", -1));
            List<String> variants = new ArrayList<>();
            for (int i = 0; i <= lines.size(); i++) {
                variants.add(String.join("\n", lines.subList(0, i)));
                variants.add(String.join("\n", lines.subList(i, lines.size())));
            }
            for (int k = 0; k < 20; k++) {
                List<String> shuffled = new ArrayList<>(lines);
                java.util.Collections.shuffle(shuffled, random);
                variants.add(String.join("\n", shuffled));
                variants.add(String.join("\n", shuffled).replaceAll("\\d", "9999999999"));
            }
            for (String v : variants) {
                try {
                    parser.apply(v);
                } catch (QmicliParseException e) {
                    if (e.getMessage().contains("\n")) {
                        fail(out + ": multi-line message " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    fail(out + ": " + e + " for input:\n" + v);
                }
            }
        }
    }
}
