package dev.qmiconn.process;

/**
 * The one seam through which qmi-conn runs external programs (qmicli, qmi-network, udhcpc, ip, ...).
 * Production uses {@link ExecRunner}; tests use {@link ReplayingRunner}; {@link RecordingRunner} writes
 * transcripts. Nothing else in the code base starts processes.
 */
public interface CommandRunner {

    /** Runs to completion (or until the spec's timeout kills it). Never throws for a non-zero exit. */
    CommandResult run(CommandSpec spec);

    /**
     * Starts a long-running program (dnsmasq, socat, a DHCP client) and returns at once. The caller stops it
     * through the handle, by PID, and only it.
     */
    BackgroundProcess start(CommandSpec spec);
}
