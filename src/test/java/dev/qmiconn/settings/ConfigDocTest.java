package dev.qmiconn.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/CONFIG.md lists exactly the keys of {@link ConfigKey}, in its order, with their options. */
class ConfigDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `(--[a-z-]+)` \\|", Pattern.MULTILINE);

    @Test
    void should_document_every_key_with_its_option() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs", "CONFIG.md")));
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2));
        }
        List<String> keys = Arrays.stream(ConfigKey.values()).filter(k -> k.option() != null).map(k -> k.name() + " " + k.option()).toList();
        assertEquals(String.join("\n", keys), String.join("\n", documented), "docs/CONFIG.md and ConfigKey differ");
    }
}
