package dev.qmiconn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.qmi.QmicliErrors;
import dev.qmiconn.qmi.QmicliFailure.Kind;

/** docs/EXIT-CODES.md must say exactly what {@link ExitCode} and {@link QmicliErrors#exitCode} do. */
class ExitCodesDocTest {

    private static final Path DOC = Path.of("docs", "EXIT-CODES.md");
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `([A-Z_]+)` \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern KIND_ROW = Pattern.compile(
            "^\\|.*\\| `([A-Z_]+)`(?: / `([A-Z_]+)`)? \\| `([A-Z_]+)` \\((\\d+)\\) \\|$", Pattern.MULTILINE);

    @Test
    void should_list_every_exit_code_with_its_number_and_meaning() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3).replace("\\|", "|"));
        }
        List<String> actual = Arrays.stream(ExitCode.values())
                .map(e -> e.code() + " " + e.name() + " " + e.meaning()).toList();
        assertEquals(String.join("\n", actual), String.join("\n", documented),
                "docs/EXIT-CODES.md and ExitCode differ (update the table)");
    }

    @Test
    void should_map_every_qmicli_failure_kind_as_documented() throws IOException {
        Map<Kind, ExitCode> documented = new LinkedHashMap<>();
        Matcher m = KIND_ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            ExitCode code = ExitCode.valueOf(m.group(3));
            assertEquals(code.code(), Integer.parseInt(m.group(4)), m.group());
            documented.put(Kind.valueOf(m.group(1)), code);
            if (m.group(2) != null) {
                documented.put(Kind.valueOf(m.group(2)), code);
            }
        }
        assertEquals(Kind.values().length, documented.size(), "every Kind documented: " + documented.keySet());
        for (Kind k : Kind.values()) {
            assertEquals(QmicliErrors.exitCode(k), documented.get(k), k.name());
        }
    }
}
