package dev.qmiconn.container;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import com.github.dockerjava.api.model.Capability;

/**
 * One booted system of src/container/system: systemd as PID 1 without --privileged (root here lacks
 * CAP_SYS_RESOURCE, so --privileged fails with stock runc): a private cgroup namespace, SYS_ADMIN and NET_ADMIN,
 * seccomp off, tmpfs on /run, /run/lock and /tmp, no network but its own loopback (never the host's network).
 * The emulated modem is plugged in by the system's own unit {@code emulated-modem.service}, which runs
 * {@code qmi-conn simulate --plug-in-here} from the installed package, ordered before qmi-conn's units like a
 * modem present at boot.
 */
final class SystemContainer extends GenericContainer<SystemContainer> {

    static final String MODEM_UNIT = "emulated-modem.service";
    private static final String PLUGGED = "/run/qmi-conn-plugged";

    private final String variant;

    SystemContainer(String variant) {
        super(DockerImageName.parse(SystemImages.image(variant)));
        this.variant = variant;
        withNetworkMode("none");
        withEnv("container", "docker");
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withCgroupnsMode("private")
                .withCapAdd(Capability.SYS_ADMIN, Capability.NET_ADMIN)
                .withSecurityOpts(List.of("seccomp=unconfined"))
                .withTmpFs(Map.of("/run", "rw,nosuid,nodev,mode=755", "/run/lock", "rw,nosuid,nodev",
                        "/tmp", "rw,nosuid,nodev")));
        withStartupTimeout(Duration.ofMinutes(2));
    }

    String variant() {
        return variant;
    }

    /** Starts the container and waits until systemd says the boot is over. */
    void boot() {
        long t0 = System.nanoTime();
        start();
        awaitBooted();
        System.out.printf("[%s] booted in %d ms%n", variant, (System.nanoTime() - t0) / 1_000_000);
    }

    /** "running" or "degraded" ({@code --wait} right after start fails: no bus yet). */
    String awaitBooted() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = quiet("systemctl", "is-system-running").getStdout().strip();
            if (state.equals("running") || state.equals("degraded")) {
                return state;
            }
            pause(200);
        }
        throw new AssertionError("[" + variant + "] not booted after 90 s: " + state);
    }

    /**
     * A "reboot": the container restarts (systemd shuts down on SIGRTMIN+3), /run and /tmp start empty, /etc and
     * /var keep what was written. Returns once systemd answers on its bus; the boot may still be starting.
     */
    void reboot() {
        DockerClientFactory.instance().client().restartContainerCmd(getContainerId()).withTimeout(30).exec();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = quiet("systemctl", "is-system-running").getStdout().strip();
            if (!state.isEmpty() && !state.equals("offline") && !state.equals("initializing")) {
                return;
            }
            pause(200);
        }
        throw new AssertionError("[" + variant + "] systemd not up 60 s after the restart: " + state);
    }

    /** Polls until wwan0 carries {@code address} or {@code timeout} passes; whether it does. */
    boolean awaitAddress(String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (hasAddress(address)) {
                return true;
            }
            pause(250);
        }
        return hasAddress(address);
    }

    boolean hasAddress(String address) {
        return quiet("ip", "-4", "-o", "addr", "show", "dev", "wwan0").getStdout().contains("inet " + address + "/");
    }

    /** Runs {@code argv} (no shell) and prints it with its output into the test log. */
    ExecResult run(String... argv) {
        ExecResult r = quiet(argv);
        System.out.printf("[%s] $ %s -> %d%n%s%s", variant, String.join(" ", argv), r.getExitCode(),
                indent(r.getStdout()), indent(r.getStderr()));
        return r;
    }

    /** Like {@link #run} as user {@code user} (runuser, no shell). */
    ExecResult runAs(String user, String... argv) {
        List<String> full = new java.util.ArrayList<>(List.of("runuser", "-u", user, "--"));
        full.addAll(List.of(argv));
        return run(full.toArray(String[]::new));
    }

    ExecResult quiet(String... argv) {
        try {
            return execInContainer(argv);
        } catch (Exception e) {
            throw new IllegalStateException("[" + variant + "] exec " + Arrays.toString(argv) + ": " + e, e);
        }
    }

    void write(String path, String content, int mode) {
        copyFileToContainer(Transferable.of(content, mode), path);
    }

    /**
     * Installs and enables the emulated modem as a unit of the system (so it is there again after a reboot)
     * and starts it; returns once /dev/cdc-wdm0 and wwan0 are there.
     */
    void plugInModem(String scenario) {
        write("/etc/systemd/system/" + MODEM_UNIT, String.join("\n",
                "[Unit]",
                "Description=the emulated QMI modem, plugged in (qmi-conn simulate --plug-in-here)",
                "Before=qmi-conn@cdc-wdm0.service network-pre.target",
                "Wants=network-pre.target",
                "",
                "[Service]",
                "ExecStart=/usr/bin/qmi-conn simulate --plug-in-here --scenario " + scenario,
                "ExecStartPost=/bin/sh -c 'while [ ! -e " + PLUGGED + "/ready ]; do sleep 0.1; done'",
                "SuccessExitStatus=143",
                "",
                "[Install]",
                "WantedBy=multi-user.target",
                ""), 0644);
        // the one deviation from a real modem the system has to know about: /dev/cdc-wdm0 is a pty (major 136),
        // not a USB character device, so the unit's DevicePolicy=closed + DeviceAllow=char-usb would shut it out
        write("/etc/systemd/system/qmi-conn@.service.d/emulated-modem.conf",
                "[Service]\nDeviceAllow=char-pts rw\n", 0644);
        run("systemctl", "daemon-reload");
        ExecResult r = run("systemctl", "enable", "--now", MODEM_UNIT);
        if (r.getExitCode() != 0) {
            run("journalctl", "-u", MODEM_UNIT, "--no-pager", "-n", "30");
            throw new AssertionError("[" + variant + "] the emulated modem did not plug in");
        }
    }

    /**
     * The network drops the session now ({@code simulate --plug-in-here} watches for this file), with 2 s of no
     * service after it; returns once the modem counts no session. Made by touch inside the system: a copy through
     * Docker's archive API would land under the tmpfs simulate mounted on PLUGGED, unseen.
     */
    void dropSession() {
        ExecResult touch = run("touch", PLUGGED + "/drop-session");
        if (touch.getExitCode() != 0) {
            throw new AssertionError("[" + variant + "] cannot ask the modem for a drop: " + touch.getStderr());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (modemState().getOrDefault("sessions", -1) != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("[" + variant + "] the modem did not drop the session within 5 s");
            }
            pause(100);
        }
    }

    /**
     * Stands in for udev, which a container has not: on a Pi the modem's wwan0 appearing is a "net add" event whose
     * rule (80-ifupdown.rules) runs ifupdown-hotplug, which starts ifup@wwan0.service for an allow-hotplug stanza.
     * Here the modem's own unit runs that same helper once wwan0 is there, and ifup@.service loses its binding to
     * sys-subsystem-net-devices-%i.device (without udev systemd has no device units: the start would fail with
     * 'dependency'); everything else is the distribution's ifupdown.
     */
    void standInForUdevNetAdd() {
        String ifup = quiet("cat", "/lib/systemd/system/ifup@.service").getStdout();
        if (ifup.isEmpty()) {
            throw new AssertionError("[" + variant + "] no ifup@.service: is ifupdown installed?");
        }
        write("/etc/systemd/system/ifup@.service", ifup.lines()
                .filter(l -> !l.contains("sys-subsystem-net-devices-"))
                .map(l -> l + "\n").reduce("", String::concat), 0644);
        write("/etc/systemd/system/" + MODEM_UNIT + ".d/udev-net-add.conf", String.join("\n",
                "[Service]",
                "# what udev's 80-ifupdown.rules runs when wwan0 appears",
                "ExecStartPost=/usr/bin/env ACTION=add INTERFACE=wwan0 SUBSYSTEM=net /lib/udev/ifupdown-hotplug",
                ""), 0644);
        run("systemctl", "daemon-reload");
    }

    /** {@code systemctl show -p ActiveState -p SubState}: e.g. "active/running". */
    String unitState(String unit) {
        String out = quiet("systemctl", "show", "-p", "ActiveState", "-p", "SubState", unit).getStdout();
        Map<String, String> p = new HashMap<>();
        out.lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> p.put(kv[0], kv[1]));
        return p.get("ActiveState") + "/" + p.get("SubState");
    }

    /** Polls {@code check} every 250 ms until it holds or {@code timeout} passes; whether it held. */
    static boolean await(Duration timeout, java.util.function.BooleanSupplier check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.getAsBoolean()) {
                return true;
            }
            pause(250);
        }
        return check.getAsBoolean();
    }

    /** What the emulator counts: {@code client-ids} and {@code sessions}. */
    Map<String, Integer> modemState() {
        String text = quiet("cat", PLUGGED + "/modem-state").getStdout();
        Map<String, Integer> state = new HashMap<>();
        text.lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2)
                .forEach(kv -> state.put(kv[0].strip(), Integer.parseInt(kv[1].strip())));
        return state;
    }

    /** Polls {@link #modemState()} until {@code key} is {@code value} or 5 s pass (it is rewritten every 200 ms). */
    int awaitModemState(String key, int value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = modemState().getOrDefault(key, -1);
            if (seen == value) {
                return seen;
            }
            pause(200);
        }
        return seen;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        text.lines().limit(120).forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }
}
