package dev.qmiconn.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.qmiconn.cli.Main;

/**
 * The program is compiled with {@code -XDstringConcat=inline}: each {@code "a" + b} is a StringBuilder chain, not
 * an invokedynamic that makes the JVM spin method-handle classes the first time each call site runs. In the
 * interpreted, long-running service that was ~100 hidden classes (~0.7 MB resident, docs/PERFORMANCE.md); short
 * commands skip the bootstrap work too.
 */
class StringConcatBytecodeTest {

    @Test
    void should_compile_string_concatenation_without_invokedynamic() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() > 100, "the program's classes under " + classes);
        List<Path> indy = files.stream().filter(StringConcatBytecodeTest::bootstrapsStringConcat).toList();
        assertEquals(List.of(), indy, "classes whose string concatenation is an invokedynamic");
    }

    /** The bootstrap method's name sits in the constant pool of every class that uses it. */
    private static boolean bootstrapsStringConcat(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("makeConcatWithConstants");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
