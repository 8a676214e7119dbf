package dev.qmiconn.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * The Pi's side: a private mount namespace inside the host network namespace, kept alive by a holder process
 * ({@code ip netns exec H unshare --mount --propagation private sleep infinity}); every step and every command
 * enters it with {@code nsenter -t PID -m -n}. Its mounts die with the holder, so nothing leaks into the
 * machine's mount table. Files inside are reachable from the host through {@code /proc/PID/root}.
 */
final class MountNamespace implements AutoCloseable {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final String[] DEVICE_NODES = {"null", "zero", "full", "urandom", "random", "tty", "ptmx"};

    private final CommandRunner runner;
    private final BackgroundProcess holder;

    private MountNamespace(CommandRunner runner, BackgroundProcess holder) {
        this.runner = runner;
        this.holder = holder;
    }

    static MountNamespace start(CommandRunner runner, String netns) {
        BackgroundProcess holder = runner.start(CommandSpec.of(Programs.path("ip"), "netns", "exec", netns,
                Programs.path("unshare"), "--mount", "--propagation", "private", Programs.path("sleep"), "infinity"));
        MountNamespace ns = new MountNamespace(runner, holder);
        try {
            ns.awaitHolder();
        } catch (RuntimeException e) {
            holder.stop(Duration.ofSeconds(1));
            throw e;
        }
        return ns;
    }

    /** ip and unshare exec in place, so the holder's PID becomes {@code sleep} once the namespace exists. */
    private void awaitHolder() {
        Path comm = Path.of("/proc", Long.toString(holder.pid()), "comm");
        ProcessStartup.await(holder, "the mount namespace holder",
                () -> Files.readString(comm).strip().equals("sleep"));
    }

    long pid() {
        return holder.pid();
    }

    boolean isAlive() {
        return holder.isAlive();
    }

    /** The argv that runs {@code argv} inside: what a person types to enter the sandbox by hand, too. */
    List<String> enter(List<String> argv) {
        List<String> full = new ArrayList<>(List.of(Programs.path("nsenter"), "-t", Long.toString(pid()), "-m", "-n",
                "--"));
        full.addAll(argv);
        return full;
    }

    CommandResult run(List<String> argv, Duration timeout, Map<String, String> env) {
        return runner.run(new CommandSpec(enter(argv), timeout, env, null));
    }

    BackgroundProcess start(List<String> argv, Map<String, String> env) {
        return runner.start(new CommandSpec(enter(argv), null, env, null));
    }

    /** A path inside, as the host sees it. */
    Path inside(Path path) {
        return Path.of("/proc", Long.toString(pid()), "root").resolve(Path.of("/").relativize(path));
    }

    private void mount(String... args) {
        List<String> argv = new ArrayList<>(List.of(Programs.path("mount")));
        argv.addAll(List.of(args));
        run(argv, STEP_TIMEOUT, Map.of()).orThrow();
    }

    /**
     * Turns the namespace into a Pi with the modem plugged in. Order matters: /dev is populated on a staging
     * tmpfs (host nodes are still visible there) and then moved; the fake /sys/class goes on top of the sysfs
     * that {@code ip netns exec} mounted for this netns; /tmp comes last because the work dir may live under it.
     */
    void setUp(SandboxLayout layout, Path ptySlave, Path qmiConnHome) {
        Path staging = layout.devStaging();
        mount("-t", "tmpfs", "-o", "mode=0755,nosuid", "qmi-conn-dev", staging.toString());
        try {
            Path view = inside(staging);
            for (String node : DEVICE_NODES) {
                Files.createFile(view.resolve(node));
            }
            Files.createDirectories(view.resolve("pts"));
            Files.createDirectories(view.resolve("shm"));
            Files.createSymbolicLink(view.resolve("fd"), Path.of("/proc/self/fd"));
            Files.createSymbolicLink(view.resolve("stdin"), Path.of("/proc/self/fd/0"));
            Files.createSymbolicLink(view.resolve("stdout"), Path.of("/proc/self/fd/1"));
            Files.createSymbolicLink(view.resolve("stderr"), Path.of("/proc/self/fd/2"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot populate the sandbox /dev", e);
        }
        for (String node : DEVICE_NODES) {
            mount("--bind", "/dev/" + node, staging.resolve(node).toString());
        }
        mount("--bind", "/dev/pts", staging.resolve("pts").toString());
        mount("--move", staging.toString(), "/dev");
        plugDevice(ptySlave);

        Path sysClass = layout.sysClass();
        mount("--bind", "/sys/class/net", sysClass.resolve("net").toString());
        mount("-t", "overlay", "qmi-conn-wwan0", "-o", "lowerdir=/sys/devices/virtual/net/wwan0,upperdir="
                + layout.wwanUpper() + ",workdir=" + layout.wwanWork(), "/sys/devices/virtual/net/wwan0");
        mount("--rbind", sysClass.toString(), "/sys/class");

        mount("-t", "overlay", "qmi-conn-etc", "-o", "lowerdir=/etc,upperdir=" + layout.etcUpper() + ",workdir="
                + layout.etcWork(), "/etc");
        mount("-t", "overlay", "qmi-conn-var-lib", "-o", "lowerdir=/var/lib,upperdir=" + layout.varLibUpper()
                + ",workdir=" + layout.varLibWork(), "/var/lib");
        mount("--bind", layout.run().toString(), "/run");
        keepVisibleUnderTmp(layout, qmiConnHome);
        mount("--rbind", layout.tmp().toString(), "/tmp");
    }

    /**
     * The sandbox's own /tmp would hide a qmi-conn checkout that lives under the host's /tmp (a CI clone, say),
     * and with it bin/qmi-conn: bind it to the same path inside the sandbox's /tmp before that goes on.
     */
    private void keepVisibleUnderTmp(SandboxLayout layout, Path home) {
        if (home == null) {
            return;
        }
        Path real;
        try {
            real = home.toRealPath();
        } catch (IOException e) {
            return; // nothing there to keep visible
        }
        Path tmp = Path.of("/tmp");
        if (!real.startsWith(tmp) || real.equals(tmp)) {
            return;
        }
        Path target = layout.tmp().resolve(tmp.relativize(real).toString());
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target, e);
        }
        mount("--bind", real.toString(), target.toString());
    }

    /** The modem appears: /dev/cdc-wdm0 becomes a bind mount of the pty slave. */
    void plugDevice(Path ptySlave) {
        Path node = inside(Path.of("/dev", FakeSysfs.DEVICE));
        try {
            if (!Files.exists(node)) {
                Files.createFile(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create /dev/" + FakeSysfs.DEVICE + " inside", e);
        }
        mount("--bind", ptySlave.toString(), "/dev/" + FakeSysfs.DEVICE);
    }

    /** The modem vanishes (unplugged, or its firmware crashed): /dev/cdc-wdm0 is gone, as udev would do. */
    void unplugDevice() {
        run(List.of(Programs.path("umount"), "--lazy", "/dev/" + FakeSysfs.DEVICE), STEP_TIMEOUT, Map.of());
        try {
            Files.deleteIfExists(inside(Path.of("/dev", FakeSysfs.DEVICE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove /dev/" + FakeSysfs.DEVICE + " inside", e);
        }
    }

    @Override
    public void close() {
        holder.stop(Duration.ofSeconds(2));
    }
}
