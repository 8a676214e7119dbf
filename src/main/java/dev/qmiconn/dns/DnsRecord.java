package dev.qmiconn.dns;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.config.JsonTree;

/**
 * Which backend holds a session's DNS servers, kept next to the session state as {@code STATE_DIR/<tag>.dns.json}
 * so {@code down} reverts exactly that one (even when the system changed in between) and {@code status} can say
 * where the servers are. Written before the servers are handed over: a crash in between still leaves {@code down}
 * what it needs. Read and written with Jackson's streaming core ({@link JsonTree}): the bytes an ObjectMapper with
 * INDENT_OUTPUT wrote, read as leniently as it read them (DnsRecordJsonTest).
 *
 * @param backend   the {@link DnsMode} word that was used (never {@code auto})
 * @param iface     the modem's interface (resolved's link, resolvconf's record {@code IFACE.qmi-conn})
 * @param tag       the marker-block tag (the device name, or {@code at-IFACE})
 * @param servers   what was handed over
 * @param program   the resolvectl/resolvconf/nmcli used, when one was
 * @param files     the files that got a marker block or a drop-in, as absolute paths
 * @param flavour   for resolvconf: {@code openresolv} or {@code debian} (their -d differs)
 * @param owner     who the detector said owns /etc/resolv.conf, in words, for status and doctor
 */
public record DnsRecord(String backend, String iface, String tag, List<String> servers, String program,
                        List<String> files, String flavour, String owner) {

    public DnsRecord {
        servers = servers == null ? List.of() : List.copyOf(servers);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public DnsMode mode() {
        return DnsMode.fromWord(backend);
    }

    /** Where the servers are now, in words: "systemd-resolved on wwan0", "resolvconf record wwan0.qmi-conn". */
    public String heldBy() {
        return switch (mode()) {
            case RESOLVED -> "systemd-resolved on " + iface;
            case RESOLVCONF -> (ResolvconfBackend.DEBIAN.equals(flavour) ? "Debian's resolvconf" : "openresolv")
                    + " record " + resolvconfRecord();
            case NETWORKMANAGER -> "NetworkManager global DNS (" + String.join(", ", files) + ")";
            case DHCPCD, FILE -> "qmi-conn block in " + String.join(" and ", files);
            case AUTO, NONE -> "nobody";
        };
    }

    /** {@code resolvconf}'s record name: one per interface, suffixed so it never replaces a DHCP client's. */
    public String resolvconfRecord() {
        return iface + ".qmi-conn";
    }

    static Path file(Path stateDir, String tag) {
        return stateDir.resolve(tag + ".dns.json");
    }

    static Optional<DnsRecord> read(Path stateDir, String tag) {
        Path f = file(stateDir, tag);
        try {
            return Optional.of(fromJson(Files.readString(f)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + f + ": " + e.getMessage(), e);
        }
    }

    /** The record of a file's text; damage (bad JSON, a field of the wrong kind, no object) is an IOException. */
    static DnsRecord fromJson(String text) throws IOException {
        Object tree = JsonTree.parse(text);
        if (!(tree instanceof Map<?, ?> o)) {
            throw new IOException("not a JSON object");
        }
        try {
            return new DnsRecord(JsonTree.string(o, "backend"), JsonTree.string(o, "iface"), JsonTree.string(o, "tag"),
                    entries(o, "servers"), JsonTree.string(o, "program"), entries(o, "files"),
                    JsonTree.string(o, "flavour"), JsonTree.string(o, "owner"));
        } catch (JsonTree.BadField e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<String> entries(Map<?, ?> o, String field) {
        List<String> l = JsonTree.strings(o, field);
        if (l != null && l.contains(null)) {
            throw new JsonTree.BadField(field, "an entry is null");
        }
        return l;
    }

    /** The file's text, without the final newline {@link #write} adds. */
    String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("backend", backend);
            g.writeStringField("iface", iface);
            g.writeStringField("tag", tag);
            JsonTree.stringsField(g, "servers", servers);
            g.writeStringField("program", program);
            JsonTree.stringsField(g, "files", files);
            g.writeStringField("flavour", flavour);
            g.writeStringField("owner", owner);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    void write(Path stateDir) {
        AtomicFiles.write(file(stateDir, tag), toJson() + "\n");
    }

    static void delete(Path stateDir, String tag) {
        try {
            Files.deleteIfExists(file(stateDir, tag));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(stateDir, tag) + ": " + e.getMessage(), e);
        }
    }
}
