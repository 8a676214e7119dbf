package dev.qmiconn.cli.generate;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.qmiconn.generate.GeneratedFile;

import picocli.CommandLine.Option;

/** {@code --out FILE} and {@code --force}, shared by the generate commands. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the file there (atomically) instead of printing it.")
    Path out;

    @Option(names = "--force", description = "Replace FILE even when qmi-conn did not write it.")
    boolean force;

    /** Prints {@code content} or writes it to {@code --out}, saying where on stderr. */
    void emit(String content, boolean secret, PrintWriter out, PrintWriter err) {
        if (this.out == null) {
            out.print(content);
            out.flush();
            return;
        }
        GeneratedFile.write(this.out, content, secret, force);
        err.println("qmi-conn: wrote " + this.out + (secret ? " (readable by root only: it holds a secret)" : ""));
        err.flush();
    }
}
