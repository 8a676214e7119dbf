package dev.qmiconn.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.qmiconn.config.AtomicFiles;

/**
 * Which backend holds a session's DNS servers, kept next to the session state as {@code STATE_DIR/<tag>.dns.json}
 * so {@code down} reverts exactly that one (even when the system changed in between) and {@code status} can say
 * where the servers are. Written before the servers are handed over: a crash in between still leaves {@code down}
 * what it needs.
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

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
            return Optional.of(JSON.readValue(Files.readString(f), DnsRecord.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + f + ": " + e.getMessage(), e);
        }
    }

    void write(Path stateDir) {
        try {
            AtomicFiles.write(file(stateDir, tag), JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path stateDir, String tag) {
        try {
            Files.deleteIfExists(file(stateDir, tag));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(stateDir, tag) + ": " + e.getMessage(), e);
        }
    }
}
