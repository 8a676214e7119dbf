package dev.qmiconn.settings;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import dev.qmiconn.connect.Paths;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Finds and reads a modem's config file, refusing one that others could read or change, as ssh refuses a
 * private key with an open mode: a file holding {@code PIN}, {@code APN_PASS} or {@code MQTT_PASS} must not be
 * readable by group or others, and no config file may be writable by them or owned by anyone but root or the user
 * running qmi-conn.
 */
public final class DeviceConfigFile {

    /** Where the packaged unit and the commands look by default: {@code /etc/qmi-conn/DEVICE.conf}. */
    public static final Path DEFAULT_DIR = Path.of("/etc/qmi-conn");

    private static final Set<PosixFilePermission> GROUP_OTHERS_READ =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> GROUP_OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private DeviceConfigFile() {
    }

    /** {@code dir/cdc-wdm0.conf} for {@code /dev/cdc-wdm0}. */
    public static Path pathFor(Path dir, String device) {
        return dir.resolve(Paths.deviceName(device) + ".conf");
    }

    /** The device's file in {@code dir} when there is one; an empty config otherwise. */
    public static DeviceConfig loadIfPresent(Path dir, String device) {
        Path file = pathFor(dir, device);
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? load(file) : DeviceConfig.EMPTY;
    }

    /** A file the user named: it must exist. */
    public static DeviceConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "config file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read config file " + file
                    + ": permission denied (it is root's: run qmi-conn as root)");
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read config file " + file + ": " + e.getMessage());
        }
        DeviceConfig config = DeviceConfig.parse(text, file.toString());
        checkAccess(file, config.hasSecrets());
        return config;
    }

    /** The ssh-like refusal: one line naming the file, what is wrong and the command that fixes it. */
    static void checkAccess(Path file, boolean secret) {
        Set<PosixFilePermission> mode;
        int owner;
        try {
            mode = Files.getPosixFilePermissions(file);
            owner = (Integer) Files.getAttribute(file, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot check the owner and mode of " + file + ": " + e);
        }
        String octal = octal(mode);
        if (owner != 0 && owner != selfUid().orElse(owner)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "config file " + file + " is owned by uid " + owner
                    + ", not root: run chown root: " + file);
        }
        if (mode.stream().anyMatch(GROUP_OTHERS_WRITE::contains)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "config file " + file + " is writable by group or others"
                    + " (mode " + octal + "): run chmod go-w " + file);
        }
        if (secret && mode.stream().anyMatch(GROUP_OTHERS_READ::contains)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "config file " + file + " holds a PIN or password but is"
                    + " readable by group or others (mode " + octal + "): run chmod 600 " + file);
        }
    }

    /** The uid this process runs as: the owner of /proc/self. */
    private static Optional<Integer> selfUid() {
        try {
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static String octal(Set<PosixFilePermission> mode) {
        String rwx = PosixFilePermissions.toString(mode);
        int n = 0;
        for (int i = 0; i < 9; i++) {
            n = n * 2 + (rwx.charAt(i) == '-' ? 0 : 1);
        }
        return String.format("%04o", n);
    }
}
