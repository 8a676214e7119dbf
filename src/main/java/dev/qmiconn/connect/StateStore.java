package dev.qmiconn.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.config.JsonTree;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** {@code STATE_DIR/<dev>.json}: one {@link SessionState}, written atomically (root-only: it names the APN user). */
public final class StateStore {

    private final Path file;

    public StateStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The saved session, empty when there is none. A file that is there but does not parse (empty, garbage,
     * cut short) is a {@link DamagedStateException}: up and down recover from it ({@link StateRecovery}),
     * status reports it. A state dir that is a file, or a file only root may read, is said as such.
     */
    public Optional<SessionState> read() {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            // a member of the qmi-conn group gets here only when no service runs (ServiceClient forwards otherwise)
            throw new QmiConnException(ExitCode.FAILURE, "cannot read " + file + ": permission denied (the state "
                    + "is root's: it names the APN user); run this as root, or start the qmi-conn service, which "
                    + "answers members of the group qmi-conn");
        } catch (IOException e) {
            Path dir = file.getParent();
            if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "--state-dir " + dir + " is not a directory");
            }
            throw new QmiConnException(ExitCode.FAILURE, "cannot read " + file + ": " + e.getMessage());
        }
        try {
            Object tree = JsonTree.parse(text);
            if (!(tree instanceof java.util.Map<?, ?> o)) {
                throw new DamagedStateException(file, text, text.isBlank() ? "empty" : "not a JSON object");
            }
            SessionState s = o.containsKey("format") ? StateJson.read(o) : Legacy.JSON.readValue(text,
                    LegacyState.class).upgrade();
            if (s == null || s.link() == null || s.device() == null) {
                throw new DamagedStateException(file, text, text.isBlank() ? "empty" : "no device in it");
            }
            return Optional.of(s);
        } catch (IOException e) {
            throw new DamagedStateException(file, text, text.isBlank() ? "empty" : firstLine(e));
        } catch (JsonTree.BadField e) {
            throw new DamagedStateException(file, text, e.getMessage());
        }
    }

    /** The databind mapper, for the flat files of qmi-conn 0.1 only (built on first use: it is slow to make). */
    private static final class Legacy {
        static final ObjectMapper JSON = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        m = m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
        return m.length() > 80 ? m.substring(0, 80) + "..." : m;
    }

    /**
     * Renames the file to {@code <dev>.json.damaged} (replacing an older one), so the next up or down starts
     * clean and the text stays for a bug report. Returns the new name.
     */
    public Path moveAside() {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (NoSuchFileException e) {
            return aside;
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.FAILURE, "cannot move the damaged " + file + " aside: "
                    + e.getMessage());
        }
    }

    /** A state file that is there but does not parse; carries its text for {@link StateSalvage}. */
    public static final class DamagedStateException extends QmiConnException {

        private final transient String text;
        private final String reason;

        DamagedStateException(Path file, String text, String reason) {
            super(ExitCode.FAILURE, "damaged state file " + file + " (" + reason + "): qmi-conn down stops what "
                    + "the modem reports and moves it aside");
            this.text = text;
            this.reason = reason;
        }

        public String text() {
            return text;
        }

        public String reason() {
            return reason;
        }
    }

    public void write(SessionState state) {
        try {
            AtomicFiles.write(file, StateJson.write(state) + "\n", PosixFilePermissions.fromString("rw-------"));
        } catch (UncheckedIOException e) {
            throw new QmiConnException(ExitCode.FAILURE, e.getMessage(), e); // AtomicFiles names the file
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** The flat file of qmi-conn 0.1 (format 1): its WDS client ids are exactly its sessions' ids. */
    private record LegacyState(String device, String iface, String backend, String phase, boolean proxy,
                               java.util.List<SessionState.DataSession> sessions, String ipConfig, String address,
                               Integer prefix, String gateway, java.util.List<String> dns, Integer mtu,
                               String ipv6Address, Integer ipv6Prefix, String libqmiVersion,
                               long startedAtEpochSecond, String resolvHead, String resolvConf) {
        SessionState upgrade() {
            java.util.List<SessionState.DataSession> ss = sessions == null ? java.util.List.of() : sessions;
            boolean up = "up".equals(phase);
            return new SessionState(SessionState.FORMAT,
                    new SessionState.Link(device, iface, backend, proxy, libqmiVersion, startedAtEpochSecond),
                    up ? SessionState.Phase.UP : SessionState.Phase.STARTING, null,
                    ss.stream().map(s -> new SessionState.ClientId("wds", s.cid())).toList(), ss,
                    up ? new SessionState.Addressing(ipConfig, address, prefix, gateway, dns, mtu, ipv6Address,
                            ipv6Prefix) : null,
                    new SessionState.DnsFiles(resolvHead, resolvConf));
        }
    }
}
