package dev.qmiconn.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.emulator.EmulatedModem;
import dev.qmiconn.emulator.PtyBridge;
import dev.qmiconn.log.Logs;
import dev.qmiconn.process.BackgroundProcess;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.ProgramPath;

/**
 * A Raspberry Pi with an emulated QMI modem plugged in, built from namespaces on this machine: the real qmicli,
 * qmi-network and udhcpc run inside unmodified, see /dev/cdc-wdm0 and wwan0, and change nothing outside.
 * Closing it (or the JVM shutting down, also on Ctrl-C) stops every process it started, by PID, deletes both
 * network namespaces, lets the mount namespace die with its holder and removes the work directory.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = Logs.of(Sandbox.class);

    /**
     * A name only the modem side's DNS server answers (with {@link #CARRIER_ONLY_ADDRESS}): {@code getent hosts}
     * of it inside proves the session's DNS servers reached the Pi's resolver.
     */
    public static final String CARRIER_ONLY_NAME = Dnsmasq.CARRIER_ONLY_NAME;
    public static final String CARRIER_ONLY_ADDRESS = Dnsmasq.CARRIER_ONLY_ADDRESS;

    private final SandboxNames names;
    private final SandboxLayout layout;
    private final Map<String, String> environment;
    private final Path qmiConnHome;
    private final List<BackgroundProcess> started = new ArrayList<>();
    private final ModemSide modemSide;
    private final StartedProcesses recorded;
    private final Thread shutdownHook;
    private final CommandRunner runner;
    private EmulatedModem emulator;
    private PtyBridge bridge;
    private MountNamespace mountNamespace;
    private boolean closed;

    private Sandbox(SandboxOptions options, CommandRunner runner) {
        this.runner = runner;
        this.names = SandboxNames.random();
        this.layout = SandboxLayout.of(options.baseDir(), names);
        this.environment = environment(options.qmiConnHome());
        this.qmiConnHome = options.qmiConnHome();
        this.recorded = new StartedProcesses(layout.processesFile());
        this.modemSide = new ModemSide(runner, names, layout, recorded::add);
        this.shutdownHook = new Thread(this::close, "sandbox-cleanup-" + names.prefix());
    }

    /** Builds the sandbox and plugs the emulated modem in; on any failure undoes what was done and throws. */
    public static Sandbox start(SandboxOptions options, CommandRunner runner, ModemFactory modems) {
        if (!isRoot()) {
            throw new SandboxException("the sandbox needs root (network and mount namespaces): run it with sudo");
        }
        List<String> missing = Programs.missing();
        if (!missing.isEmpty()) {
            throw new SandboxException("the sandbox needs " + String.join(", ", missing) + " (run bin/setup)");
        }
        new StaleSandboxSweeper(runner, options.baseDir()).sweep();
        Sandbox sandbox = new Sandbox(options, runner);
        Undo.buildOrUndo(() -> sandbox.build(options.scenario(), modems), sandbox::close, "cannot build the sandbox");
        return sandbox;
    }

    private void build(String scenario, ModemFactory modems) throws IOException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        layout.create();
        AtomicFiles.write(layout.ownerFile(), ProcessHandle.current().pid() + "\n");
        emulator = modems.start(scenario, layout.socket());
        FakeSysfs.write(layout, false);
        modemSide.create();
        bridge = startBridge();
        mountNamespace = MountNamespace.start(runner, names.hostNamespace());
        recorded.add(mountNamespace.pid());
        mountNamespace.setUp(layout, bridge.slave(), qmiConnHome);
        emulator.onSessionChange(this::sessionChanged);
        emulator.onDevicePresence(this::devicePresence);
        modemSide.follow(emulator.session());
        LOG.debug("sandbox {} up: holder pid {}, socat pid {}", names.prefix(), mountNamespace.pid(), bridge.pid());
    }

    private static Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = ProgramPath.SYSTEM_PATH;
        if (home != null) {
            env.put("QMI_CONN_HOME", home.toString());
            path = home.resolve("bin") + ":" + path;
        }
        env.put("PATH", path);
        return env;
    }

    /** Runs {@code argv} inside, as on the Pi; the result names {@code argv} (not the nsenter around it). */
    public CommandResult exec(List<String> argv, Duration timeout) {
        CommandResult r = inside().run(argv, timeout, environment);
        return new CommandResult(argv, r.exitCode(), r.stdout(), r.stderr(), r.timedOut(), r.duration());
    }

    /** Starts {@code argv} inside; the sandbox stops it on close if the caller has not. */
    public synchronized BackgroundProcess start(List<String> argv) {
        BackgroundProcess p = inside().start(argv, environment);
        started.add(p);
        recorded.add(p.pid());
        return p;
    }

    /** The exact argv that runs {@code argv} inside (what {@code qmi-conn simulate} prints for a person). */
    public List<String> enterCommand(List<String> argv) {
        List<String> withEnv = new ArrayList<>(List.of("env"));
        environment.forEach((k, v) -> withEnv.add(k + "=" + v));
        withEnv.addAll(argv);
        return inside().enter(withEnv);
    }

    private MountNamespace inside() {
        if (closed || mountNamespace == null) {
            throw new SandboxException("the sandbox is closed");
        }
        // nsenter -t PID must never reach a stranger that inherited the PID of a dead holder
        if (!mountNamespace.isAlive()) {
            throw new SandboxException("the sandbox's mount namespace holder (pid " + mountNamespace.pid()
                    + ") has died");
        }
        return mountNamespace;
    }

    private void sessionChanged(Optional<EmulatedModem.SessionSettings> session) {
        try {
            modemSide.follow(session);
        } catch (RuntimeException e) {
            LOG.warn("sandbox: the modem side could not follow the session: {}", e.getMessage());
        }
    }

    private synchronized void devicePresence(boolean present) {
        if (closed) {
            return;
        }
        try {
            if (!present) {
                mountNamespace.unplugDevice();
                return;
            }
            if (!bridge.isAlive()) { // the emulator dropped the connection while the device was away
                bridge.close();
                bridge = startBridge();
            }
            mountNamespace.plugDevice(bridge.slave());
        } catch (RuntimeException e) {
            LOG.warn("sandbox: cannot {} /dev/cdc-wdm0: {}", present ? "restore" : "remove", e.getMessage());
        }
    }

    public EmulatedModem emulator() { return emulator; }
    public SandboxNames names() { return names; }
    /** Host path of the sandbox's /etc changes (the overlay's upper dir): files written to /etc inside. */
    public Path etcDir() { return layout.etcUpper(); }
    public Path runDir() { return layout.run(); }
    public Path varLibDir() { return layout.varLibUpper(); }
    public Path tmpDir() { return layout.tmp(); }
    public Path workDir() { return layout.root(); }
    /** Host path of the fake /sys/class/net/wwan0/qmi/raw_ip. */
    public Path rawIpFile() { return layout.rawIp(); }
    /** The process that holds the mount namespace; its /proc entry goes away on close. */
    public long holderPid() { return mountNamespace.pid(); }

    /** PIDs of every long-running process the sandbox started (holder, socat, dnsmasq, callers' programs). */
    public synchronized List<Long> processIds() {
        List<Long> pids = new ArrayList<>();
        if (mountNamespace != null) {
            pids.add(mountNamespace.pid());
        }
        if (bridge != null) {
            pids.add(bridge.pid());
        }
        modemSide.dnsmasqPid().ifPresent(pids::add);
        started.forEach(p -> pids.add(p.pid()));
        return pids;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Undo undo = new Undo();
        synchronized (this) {
            started.forEach(p -> undo.attempt(() -> p.stop(Duration.ofSeconds(2))));
        }
        undo.attempt(() -> { if (mountNamespace != null) { mountNamespace.close(); } });
        undo.attempt(() -> { if (bridge != null) { bridge.close(); } });
        undo.attempt(modemSide::close);
        undo.attempt(() -> { if (emulator != null) { emulator.close(); } });
        undo.attempt(() -> WorkDirs.delete(layout.root()));
        undo.finish(shutdownHook, "sandbox " + names.prefix() + " cleanup");
    }

    static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private PtyBridge startBridge() {
        try {
            PtyBridge b = PtyBridge.start(runner, Programs.path("socat"), layout.socket(), layout.ptyLink());
            recorded.add(b.pid());
            return b;
        } catch (IllegalStateException e) {
            throw new SandboxException(e.getMessage(), e);
        }
    }
}
