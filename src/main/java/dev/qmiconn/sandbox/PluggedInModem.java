package dev.qmiconn.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.emulator.PtyBridge;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.CommandRunner;

/**
 * The emulated modem plugged into THIS system ({@code qmi-conn simulate --plug-in-here}), for a booted test system
 * in a container: /dev/cdc-wdm0 (the raw pty), a /sys/class that says usbmisc/cdc-wdm0 is qmi_wwan with net/wwan0,
 * and wwan0 in this network namespace, so the system's own NetworkManager, networkd, dhcpcd, resolved or openresolv
 * see it like a real interface. Its veth peer mdm0 lives in a namespace of its own where dnsmasq plays the modem's
 * DHCP and DNS server. Refused outside a container ({@code /run/systemd/container} is written by systemd there).
 * Every writable layer sits on a tmpfs mounted here (overlayfs refuses an upper dir on Docker's overlay2 root).
 * Closing unmounts, deletes the modem namespace (wwan0 goes with it) and stops what it started, by PID.
 */
public final class PluggedInModem implements AutoCloseable {

    private static final Logger LOG = Logs.of(PluggedInModem.class);
    public static final Path DEFAULT_DIR = Path.of("/run/qmi-conn-plugged");
    /** The file in DIR that asks for a drop now ({@link #dropOnRequest()}). */
    public static final String DROP_REQUEST = "drop-session";
    static final Path CONTAINER_MARK = Path.of("/run/systemd/container");

    private final CommandRunner runner;
    private final SandboxNames names = SandboxNames.random();
    private final SandboxLayout layout;
    private final ModemSide modemSide;
    private final Thread shutdownHook = new Thread(this::close, "plugged-modem-cleanup");
    private final HereMounts mounts;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plugged-modem-state");
        t.setDaemon(true);
        return t;
    });
    private String lastReport = "";
    private EmulatedModem emulator;
    private PtyBridge bridge;
    private boolean closed;

    private PluggedInModem(CommandRunner runner, Path dir) {
        this.runner = runner;
        this.layout = new SandboxLayout(dir);
        this.mounts = new HereMounts(runner);
        this.modemSide = new ModemSide(runner, names, layout, pid -> { }, true);
    }

    /** What plugging in changes on this system, in one line (the command prints it before doing it). */
    public static String whatChanges(Path dir) {
        return "plugging the emulated modem into THIS system: /dev/cdc-wdm0, /sys/class (usbmisc/cdc-wdm0 -> "
                + "qmi_wwan), a wwan0 interface here, a tmpfs on " + dir + "; all undone on exit";
    }

    /** Why plugging in here is refused (not root, not a container, a modem already there, programs missing). */
    public static Optional<String> refusal() {
        if (!Sandbox.isRoot()) {
            return Optional.of("--plug-in-here needs root");
        }
        if (!Files.exists(CONTAINER_MARK)) {
            return Optional.of("--plug-in-here changes this system's /dev, /sys/class and network, so it runs only "
                    + "inside a container booted with systemd (" + CONTAINER_MARK + " is missing)");
        }
        if (Files.exists(Path.of("/dev", FakeSysfs.DEVICE))
                || Files.exists(Path.of("/sys/class/net", FakeSysfs.IFACE))) {
            return Optional.of("a modem is already plugged in here (/dev/cdc-wdm0 or wwan0 exists)");
        }
        List<String> missing = Programs.missing();
        if (!missing.isEmpty()) {
            return Optional.of("--plug-in-here needs " + String.join(", ", missing));
        }
        return Optional.empty();
    }

    public static PluggedInModem start(String scenario, Path dir, CommandRunner runner, ModemFactory modems) {
        Optional<String> refused = refusal();
        if (refused.isPresent()) {
            throw new SandboxException(refused.get());
        }
        PluggedInModem plugged = new PluggedInModem(runner, dir.toAbsolutePath());
        Undo.buildOrUndo(() -> plugged.plugIn(scenario, modems), plugged::close, "cannot plug the modem in");
        return plugged;
    }

    private void plugIn(String scenario, ModemFactory modems) throws IOException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Files.createDirectories(layout.root());
        mounts.mount(layout.root(), "-t", "tmpfs", "-o", "mode=0700,nosuid,nodev", "qmi-conn-plugged",
                layout.root().toString());
        for (Path d : List.of(layout.sysClass(), layout.wwanUpper().resolve("qmi"), layout.wwanWork())) {
            Files.createDirectories(d);
        }
        emulator = modems.start(scenario, layout.socket());
        FakeSysfs.write(layout, false);
        modemSide.create();
        bridge = startBridge();
        plugDevice();
        mounts.fakeSysClass(layout.sysClass(), layout.wwanUpper(), layout.wwanWork());
        emulator.onSessionChange(this::sessionChanged);
        emulator.onDevicePresence(this::devicePresence);
        modemSide.follow(emulator.session());
        reporter.scheduleWithFixedDelay(() -> {
            dropOnRequest();
            reportState();
        }, 0, 200, TimeUnit.MILLISECONDS);
        AtomicFiles.write(layout.root().resolve("ready"), names.modemNamespace() + "\n");
        LOG.debug("modem plugged in: modem namespace {}, socat pid {}", names.modemNamespace(), bridge.pid());
    }

    private void plugDevice() throws IOException {
        Path node = Path.of("/dev", FakeSysfs.DEVICE);
        if (!Files.exists(node)) {
            Files.createFile(node);
        }
        mounts.mount(node, "--bind", bridge.slave().toString(), node.toString());
    }

    private void unplugDevice() throws IOException {
        Path node = Path.of("/dev", FakeSysfs.DEVICE);
        mounts.unmount(node);
        Files.deleteIfExists(node);
    }

    private void sessionChanged(Optional<EmulatedModem.SessionSettings> session) {
        try {
            modemSide.follow(session);
        } catch (RuntimeException e) {
            LOG.warn("plugged modem: the modem side could not follow the session: {}", e.getMessage());
        }
    }

    private synchronized void devicePresence(boolean present) {
        if (closed) {
            return;
        }
        try {
            if (!present) {
                unplugDevice();
                return;
            }
            if (!bridge.isAlive()) {
                bridge.close();
                bridge = startBridge();
            }
            plugDevice();
        } catch (IOException | RuntimeException e) {
            LOG.warn("plugged modem: cannot {} /dev/cdc-wdm0: {}", present ? "restore" : "remove", e.getMessage());
        }
    }

    /**
     * A drop at a moment the test chooses: a file {@code DIR/drop-session} (root only: DIR is 0700) makes the network
     * end the session, as the session-drop fault does, with no service for the seconds it holds (default 2). The
     * file is removed once the drop is done; the modem side follows as for any drop (mdm0 down, carrier lost).
     */
    private void dropOnRequest() {
        Path request = layout.root().resolve(DROP_REQUEST);
        if (!Files.exists(request)) {
            return;
        }
        double noService = 2;
        try {
            String text = Files.readString(request).strip();
            if (!text.isEmpty()) {
                noService = Math.max(0, Math.min(60, Double.parseDouble(text)));
            }
            Files.delete(request);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("plugged modem: bad {} ({}): dropping with {} s of no service", request, e.getMessage(),
                    noService);
            try {
                Files.deleteIfExists(request);
            } catch (IOException gone) {
                LOG.debug("cannot remove {}: {}", request, gone.getMessage());
            }
        }
        LOG.info("plugged modem: the network drops the session ({} s of no service), as asked by {}", noService,
                request);
        emulator.dropSession(noService);
    }

    /**
     * What only the modem knows, for tests on the booted system: {@code DIR/modem-state} holds
     * {@code client-ids=N} and {@code sessions=N} (rewritten atomically when they change).
     */
    private void reportState() {
        String report = "client-ids=" + emulator.liveClientIds() + "\nsessions=" + emulator.liveSessions() + "\n";
        if (report.equals(lastReport)) {
            return;
        }
        try {
            AtomicFiles.write(layout.root().resolve("modem-state"), report);
            lastReport = report;
        } catch (RuntimeException e) {
            LOG.debug("cannot write the modem state: {}", e.getMessage());
        }
    }

    public EmulatedModem emulator() { return emulator; }
    public String modemNamespace() { return names.modemNamespace(); }

    private PtyBridge startBridge() {
        try {
            return PtyBridge.start(runner, Programs.path("socat"), layout.socket(), layout.ptyLink());
        } catch (IllegalStateException e) {
            throw new SandboxException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reporter.shutdownNow();
        Undo undo = new Undo();
        // /sys/class and wwan0's overlay first: deleting the namespace takes wwan0 (and its sysfs dir) away
        mounts.undoAll(layout.root(), undo::failed);
        undo.attempt(() -> { if (bridge != null) { bridge.close(); } });
        undo.attempt(modemSide::close);
        undo.attempt(() -> { if (emulator != null) { emulator.close(); } });
        if (mounts.has(layout.root())) {
            undo.attempt(() -> mounts.unmount(layout.root()));
        }
        undo.attempt(() -> {
            try {
                Files.deleteIfExists(Path.of("/dev", FakeSysfs.DEVICE));
                Files.deleteIfExists(layout.root());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        undo.finish(shutdownHook, "unplugging the modem");
    }
}
