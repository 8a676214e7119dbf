package dev.qmiconn.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Files written by {@code qmi-conn generate}: they carry a marker comment line, and a file without it (the
 * user's own stanza, unit or rule) is never replaced unless the user says {@code --force}.
 */
public final class GeneratedFile {

    /** Every generated file starts with a comment line holding this word. */
    public static final String MARKER = "qmi-conn-generated";

    private static final Set<PosixFilePermission> ROOT_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> WORLD_READABLE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private GeneratedFile() {
    }

    /** The first line of a generated file (a "#" comment in all three syntaxes: interfaces, unit, udev). */
    public static String markerLine(String command) {
        return "# " + MARKER + " by `qmi-conn generate " + command
                + "`: generate again rather than edit (a file without this line is never overwritten).\n";
    }

    static boolean wasGenerated(String content) {
        return content.lines().anyMatch(l -> l.startsWith("#") && l.contains(MARKER));
    }

    /**
     * Writes {@code content} atomically, root-only when it holds a password or PIN. Refuses (BAD_INPUT) to
     * replace an existing file without the marker unless {@code force}.
     */
    public static void write(Path target, String content, boolean secret, boolean force) {
        if (Files.isDirectory(target)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, target + " is a directory: give --out a file name");
        }
        if (Files.exists(target) && !force) {
            String existing;
            try {
                existing = Files.readString(target);
            } catch (IOException e) {
                throw new QmiConnException(ExitCode.FAILURE, "cannot read " + target + ": " + e.getMessage());
            }
            if (!wasGenerated(existing)) {
                throw new QmiConnException(ExitCode.BAD_INPUT, target
                        + " exists and was not written by qmi-conn: not replacing it (use --force to replace it)");
            }
        }
        try {
            AtomicFiles.write(target, content, secret ? ROOT_ONLY : WORLD_READABLE);
        } catch (UncheckedIOException e) {
            throw new QmiConnException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }
}
