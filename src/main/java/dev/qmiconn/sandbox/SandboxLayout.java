package dev.qmiconn.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one sandbox keeps its files on the host, all under one work directory (deleted on close).
 * Inside the sandbox {@link #etcUpper()} holds what was written to /etc, {@link #varLibUpper()} what was
 * written to /var/lib, {@link #run()} is /run and
 * {@link #tmp()} is /tmp.
 */
public record SandboxLayout(Path root) {

    /** The work directory of sandbox {@code names} under {@code baseDir}: the prefix without its dash. */
    static SandboxLayout of(Path baseDir, SandboxNames names) {
        return new SandboxLayout(baseDir.resolve(names.prefix().replace("-", "")));
    }

    public Path socket() { return root.resolve("emu.sock"); }
    /** socat's symlink to the pty slave that plays /dev/cdc-wdm0. */
    public Path ptyLink() { return root.resolve("cdc-wdm0"); }
    /** Mount point for the tmpfs that becomes /dev inside (moved there once populated). */
    public Path devStaging() { return root.resolve("dev"); }
    /** The fake /sys/class tree (usbmisc/cdc-wdm0 says qmi_wwan; net is the namespace's own). */
    public Path sysClass() { return root.resolve("sys-class"); }
    public Path wwanUpper() { return root.resolve("wwan0-upper"); }
    public Path wwanWork() { return root.resolve("wwan0-work"); }
    public Path etcUpper() { return root.resolve("etc-upper"); }
    public Path etcWork() { return root.resolve("etc-work"); }
    /** What was written to /var/lib inside (qmi-conn's ledgers in /var/lib/qmi-conn): survives a "reboot". */
    public Path varLibUpper() { return root.resolve("var-lib-upper"); }
    public Path varLibWork() { return root.resolve("var-lib-work"); }
    public Path run() { return root.resolve("run"); }
    public Path tmp() { return root.resolve("tmp"); }
    public Path dnsmasqLeases() { return root.resolve("dnsmasq.leases"); }
    public Path dnsmasqPid() { return root.resolve("dnsmasq.pid"); }
    /** Names the JVM that owns the sandbox, so the sweeper can tell a leftover from a live one. */
    public Path ownerFile() { return root.resolve("owner"); }
    /** The processes the sandbox started, by PID and start time: all the sweeper may stop. */
    public Path processesFile() { return root.resolve("processes"); }

    /** The fake raw_ip attribute, seen inside as /sys/class/net/wwan0/qmi/raw_ip. */
    public Path rawIp() { return wwanUpper().resolve("qmi/raw_ip"); }

    void create() {
        try {
            for (Path dir : new Path[] {root, devStaging(), sysClass(), wwanUpper().resolve("qmi"), wwanWork(),
                    etcUpper(), etcWork(), varLibUpper(), varLibWork(), run(), tmp()}) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create sandbox directory " + root, e);
        }
    }
}
