package dev.qmiconn.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * The persistent ledger directory (default /var/lib/qmi-conn, systemd's StateDirectory): {@code KEY.json} per SIM
 * or device, written atomically, and {@code DEVICE.sim} naming the key last seen in each device, so commands that
 * do not talk to the modem ({@code usage}, {@code status}) find the right ledger. Reads the usage.json that
 * older versions kept in the runtime directory (/run/qmi-conn) once and moves it in.
 */
public final class LedgerStore {

    public static final Path DEFAULT_DIR = Path.of("/var/lib/qmi-conn");
    private final Path dir;
    private final Path legacyStateDir;

    /** {@code legacyStateDir}: where an older qmi-conn kept usage.json (its --state-dir), or null. */
    public LedgerStore(Path dir, Path legacyStateDir) {
        this.dir = dir;
        this.legacyStateDir = legacyStateDir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(LedgerKey key) {
        return dir.resolve(key.fileName());
    }

    /** The saved ledger of {@code key}; empty when there is none. A damaged file is an error, never reset. */
    public Optional<SimLedger> load(LedgerKey key) {
        Path f = file(key);
        try {
            return Optional.of(LedgerJson.readSim(Files.readString(f)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read usage ledger " + f + ": "
                    + e.getMessage().lines().findFirst().orElse("") + " (move it aside to start counting anew)");
        }
    }

    /** The ledger of {@code key}, else the legacy usage.json (moved in on the next save), else none. */
    public Optional<SimLedger> loadOrMigrate(LedgerKey key, String device, int resetDay) {
        Optional<SimLedger> saved = load(key);
        if (saved.isPresent() || legacyStateDir == null) {
            return saved;
        }
        UsageLedger old = new UsageStore(legacyStateDir).load();
        return old == null ? Optional.empty()
                : Optional.of(new SimLedger(key.value(), device, null, null, resetDay, old));
    }

    /** Writes the ledger atomically; a legacy usage.json it came from is removed once the new file is safe. */
    public void save(SimLedger ledger) {
        try {
            AtomicFiles.write(file(new LedgerKey(ledger.key())), LedgerJson.write(ledger) + "\n",
                    PosixFilePermissions.fromString("rw-r--r--"));
            if (legacyStateDir != null) {
                Files.deleteIfExists(new UsageStore(legacyStateDir).file());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key last seen in {@code deviceName}. */
    public Optional<LedgerKey> lastKeyOf(String deviceName) {
        try {
            String v = Files.readString(dir.resolve(deviceName + ".sim")).strip();
            return LedgerKey.isValid(v) ? Optional.of(new LedgerKey(v)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records {@code key} as the one in {@code deviceName}; writes only when it changed (SD cards). */
    public void rememberKey(String deviceName, LedgerKey key) {
        if (!lastKeyOf(deviceName).equals(Optional.of(key))) {
            AtomicFiles.write(dir.resolve(deviceName + ".sim"), key.value() + "\n",
                    PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** True when some ledger here has a cap: only then does {@code up} need to ask the modem for the ICCID. */
    public boolean anyCapped() {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (LedgerKey.isValid(name.substring(0, name.length() - 5))
                        && load(new LedgerKey(name.substring(0, name.length() - 5)))
                        .map(l -> l.capBytes() != null).orElse(false)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
