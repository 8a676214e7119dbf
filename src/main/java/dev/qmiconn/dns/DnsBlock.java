package dev.qmiconn.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The managed block qmi-conn keeps in resolv.conf.head (and, with --dns-apply, resolv.conf). The Metro PCS guide
 * had users hand-edit /etc/resolv.conf.head; every line they wrote stays, in place, and only the text between our
 * markers changes. Rendering is pure; {@link #apply}/{@link #remove} write atomically. The file is handled as
 * bytes (read and written as ISO-8859-1, one char per byte): only the ASCII markers matter, so a user's Latin-1
 * or UTF-8 comment comes back byte for byte, and so does a last line without a newline.
 * <pre>
 * #OpenDns Servers
 * nameserver 1.1.1.1
 * # BEGIN qmi-conn cdc-wdm0 (managed by qmi-conn up/down; edit outside this block)
 * nameserver 10.64.64.53
 * # END qmi-conn cdc-wdm0
 * </pre>
 */
public final class DnsBlock {

    private DnsBlock() {
    }

    public static String begin(String tag) {
        return "# BEGIN qmi-conn " + tag + " (managed by qmi-conn up/down; edit outside this block)";
    }

    public static String end(String tag) {
        return "# END qmi-conn " + tag;
    }

    /** {@code existing} with our block for {@code tag} replaced by (or appended as) one listing {@code servers}. */
    public static String render(String existing, String tag, List<String> servers) {
        return render(existing, tag, servers, "the text", true, false);
    }

    /**
     * Like {@link #render(String, String, List)}, but a new block goes before the first {@code nameserver} line:
     * in resolv.conf the resolver asks servers in order and reads only the first three (glibc MAXNS), so the
     * modem's servers, the link that carries the traffic, come first.
     */
    public static String renderFirst(String existing, String tag, List<String> servers) {
        return render(existing, tag, servers, "the text", true, true);
    }

    /**
     * Markers are compared with surrounding whitespace (and a CRLF file's \r) stripped. Every BEGIN must have its
     * END before anything is dropped: a BEGIN without one is refused ({@code strict}) or, when only removing,
     * left where it is with everything after it. up writes both markers in one rename, so a BEGIN without its
     * END was never a block of ours, and down must not fail forever on it.
     */
    private static String render(String existing, String tag, List<String> servers, String where, boolean strict,
                                 boolean first) {
        List<String> all = lines(existing);
        List<String> kept = new ArrayList<>();
        int insertAt = -1;
        for (int i = 0; i < all.size(); i++) {
            if (!isBegin(all.get(i), tag)) {
                kept.add(all.get(i));
                continue;
            }
            int endAt = matchingEnd(all, i, tag);
            if (endAt < 0 && !strict) {
                kept.add(all.get(i));
                continue;
            }
            if (endAt < 0) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "malformed qmi-conn block in " + where + " line "
                        + (i + 1) + ": '" + all.get(i).strip() + "' has no '" + end(tag)
                        + "' after it; fix or remove that line by hand");
            }
            insertAt = insertAt < 0 ? kept.size() : insertAt;
            i = endAt;
        }
        List<String> block = new ArrayList<>();
        if (!servers.isEmpty()) {
            block.add(begin(tag));
            servers.forEach(s -> block.add("nameserver " + s));
            block.add(end(tag));
        }
        if (insertAt < 0 && first) {
            for (int i = 0; i < kept.size() && insertAt < 0; i++) {
                insertAt = kept.get(i).strip().startsWith("nameserver") ? i : -1;
            }
        }
        kept.addAll(insertAt < 0 ? kept.size() : insertAt, block);
        boolean finalNewline = existing.isEmpty() || existing.endsWith("\n");
        return kept.isEmpty() ? "" : String.join("\n", kept) + (finalNewline ? "\n" : "");
    }

    private static boolean isBegin(String line, String tag) {
        String l = line.strip();
        return l.startsWith("# BEGIN qmi-conn " + tag + " ") || l.equals("# BEGIN qmi-conn " + tag);
    }

    /** The END closing the BEGIN at {@code begin}, or -1 when another BEGIN or the end of the text comes first. */
    private static int matchingEnd(List<String> all, int begin, String tag) {
        for (int j = begin + 1; j < all.size(); j++) {
            if (all.get(j).strip().equals(end(tag))) {
                return j;
            }
            if (isBegin(all.get(j), tag)) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code existing} without our block; every other line as it was. */
    public static String strip(String existing, String tag) {
        return render(existing, tag, List.of(), "the text", false, false);
    }

    /**
     * What {@link #apply} would refuse, found before the modem is touched: a path that is a directory or cannot
     * be read, a BEGIN marker without its END, a directory where the file cannot be replaced (read-only, not
     * ours). BAD_INPUT, one line naming the file.
     */
    public static void check(Path file, String tag) {
        render(read(file), tag, List.of("192.0.2.1"), file.toString(), true, false);
        try {
            Path real = dev.qmiconn.config.AtomicFiles.throughSymlinks(file);
            Path dir = real.toAbsolutePath().getParent();
            while (dir != null && !Files.exists(dir)) {
                dir = dir.getParent(); // AtomicFiles creates missing directories: the first existing one decides
            }
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "cannot write " + file + ": "
                        + (dir == null ? "no such directory" : dir + " is not a writable directory"));
            }
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot write " + file + ": " + reason(e), e);
        }
    }

    public static void apply(Path file, String tag, List<String> servers) {
        apply(file, tag, servers, false);
    }

    /** {@link #apply} with a new block placed before the first nameserver line (for resolv.conf itself). */
    public static void applyFirst(Path file, String tag, List<String> servers) {
        apply(file, tag, servers, true);
    }

    private static void apply(Path file, String tag, List<String> servers, boolean first) {
        String before = read(file);
        String after = render(before, tag, servers, file.toString(), true, first);
        if (!after.equals(before)) {
            write(file, after);
        }
    }

    /** Removes our block; a file that only ever held it is left empty, not deleted (it was the user's path). */
    public static void remove(Path file, String tag) {
        if (!Files.exists(file)) {
            return;
        }
        String before = read(file);
        String after = render(before, tag, List.of(), file.toString(), false, false);
        if (!after.equals(before)) {
            write(file, after);
        }
    }

    private static String read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read " + file + ": Is a directory");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            // the path came from --resolv-head/--resolv-conf: e.g. a directory given by mistake
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + reason(e), e);
        }
    }

    private static void write(Path file, String content) {
        try {
            AtomicFiles.write(file, content.getBytes(StandardCharsets.ISO_8859_1), null);
        } catch (UncheckedIOException e) {
            throw new QmiConnException(ExitCode.FAILURE, "cannot write " + file + ": " + reason(e.getCause()), e);
        }
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(
                e.getMessage());
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(t.split("\n", -1));
    }
}
