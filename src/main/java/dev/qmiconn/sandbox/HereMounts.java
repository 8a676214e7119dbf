package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * The mounts {@link PluggedInModem} makes in the system's own mount namespace, remembered so that they come off
 * again last-made first. Unmounts are recursive and lazy: a tool may still hold /dev/cdc-wdm0 open.
 */
final class HereMounts {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    private final CommandRunner runner;
    private final List<Path> mounted = new ArrayList<>();

    HereMounts(CommandRunner runner) {
        this.runner = runner;
    }

    /** Runs mount with {@code args}; {@code target} (when not null) comes off again in {@link #undoAll}. */
    synchronized void mount(Path target, String... args) {
        List<String> argv = new ArrayList<>(List.of(Programs.path("mount")));
        argv.addAll(List.of(args));
        runner.run(new CommandSpec(argv, STEP_TIMEOUT, Map.of(), null)).orThrow();
        if (target != null) {
            mounted.add(target);
        }
    }

    synchronized void unmount(Path target) {
        runner.run(new CommandSpec(List.of(Programs.path("umount"), "--recursive", "--lazy", target.toString()),
                STEP_TIMEOUT, Map.of(), null)).orThrow();
        mounted.remove(target);
    }

    synchronized boolean has(Path target) {
        return mounted.contains(target);
    }

    /** Unmounts everything but {@code keep}, last-made first; each failure goes to {@code failed}. */
    synchronized void undoAll(Path keep, Consumer<RuntimeException> failed) {
        List<Path> undo = new ArrayList<>(mounted);
        Collections.reverse(undo);
        for (Path target : undo) {
            if (!target.equals(keep)) {
                try {
                    unmount(target);
                } catch (RuntimeException e) {
                    failed.accept(e);
                }
            }
        }
    }

    /**
     * The fake usbmisc tree ({@code fake}, from {@link FakeSysfs}) goes over /sys/class with every real class bound
     * back into it (net above all: the interfaces of this namespace), and wwan0's sysfs directory gets a writable
     * overlay ({@code upper}, {@code work}) for qmi/raw_ip.
     */
    void fakeSysClass(Path fake, Path upper, Path work) throws IOException {
        try (Stream<Path> classes = Files.list(Path.of("/sys/class"))) {
            for (Path real : classes.toList()) {
                String name = real.getFileName().toString();
                if (name.equals("usbmisc")) {
                    continue;
                }
                Files.createDirectories(fake.resolve(name));
                mount(null, "--bind", real.toString(), fake.resolve(name).toString());
            }
        }
        Path wwanDir = Path.of("/sys/devices/virtual/net", FakeSysfs.IFACE);
        mount(wwanDir, "-t", "overlay", "qmi-conn-wwan0", "-o", "lowerdir=" + wwanDir + ",upperdir=" + upper
                + ",workdir=" + work, wwanDir.toString());
        mount(Path.of("/sys/class"), "--rbind", fake.toString(), "/sys/class");
    }
}
