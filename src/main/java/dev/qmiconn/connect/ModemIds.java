package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.QmiClient;

/**
 * The modem's IMEI and the SIM's ICCID for {@code status}, asked once per plug-in and kept in
 * {@code STATE_DIR/NAME.ids} so a repeated {@code status} costs no extra qmicli run. The key is the device node's
 * inode and change time: unplugging makes a new node, and the E397u-53's SIM cannot change without unplugging.
 * Either value may be missing (no SIM, a modem without DMS UIM support); that is not an error of {@code status}.
 * The service asks through it too (on its kept DMS client id), so its status shows the same ids.
 */
public final class ModemIds {

    private ModemIds() {
    }

    /** Where the IMEI and ICCID of device NAME are kept between plug-ins. */
    public static Path cacheFile(Paths paths, String deviceName) {
        return paths.stateDir().resolve(deviceName + ".ids");
    }

    /** From the cache when the device node is the one it was asked on; else asks the modem (two qmicli runs). */
    public static StatusReport.Ids lookup(QmiClient qmi, Path device, Path cacheFile) {
        Optional<String> key = nodeKey(device);
        Optional<StatusReport.Ids> cached = key.flatMap(k -> read(cacheFile, k));
        if (cached.isPresent()) {
            return cached.get();
        }
        String imei = ask(() -> qmi.deviceIds().imei());
        String iccid = ask(() -> qmi.iccid().value());
        StatusReport.Ids ids = new StatusReport.Ids(imei, iccid);
        if (key.isPresent() && imei != null) {
            try {
                AtomicFiles.write(cacheFile, key.get() + " " + imei + " " + (iccid == null ? "-" : iccid) + "\n");
            } catch (RuntimeException e) {
                // a read-only state dir (status as a user): no cache, the next status asks again
            }
        }
        return ids;
    }

    private static String ask(java.util.function.Supplier<String> query) {
        try {
            return query.get();
        } catch (QmiConnException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The device node's inode and change time: a replugged modem gets a new node, hence a new key. */
    public static Optional<String> nodeKey(Path device) {
        try {
            Map<String, Object> a = Files.readAttributes(device, "unix:ino,ctime");
            return Optional.of(a.get("ino") + ":" + a.get("ctime"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<StatusReport.Ids> read(Path file, String key) {
        try {
            String[] parts = Files.readString(file).strip().split(" ");
            if (parts.length == 3 && parts[0].equals(key)) {
                return Optional.of(new StatusReport.Ids(parts[1], parts[2].equals("-") ? null : parts[2]));
            }
        } catch (IOException | RuntimeException e) {
            // none yet, or damaged: ask the modem
        }
        return Optional.empty();
    }
}
