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

    /**
     * Stops every program {@link #run} is waiting for right now (SIGTERM, then SIGKILL), so a shutdown can undo
     * what the record names without a qmicli still talking to the modem behind its back. Background processes
     * are not touched: their owners stop them by PID.
     */
    default void cancelRunning() {
    }

    /**
     * {@link #cancelRunning} and, from now on, runs programs for the calling thread only: another thread's run
     * returns at once as if SIGTERM had stopped it (exit 143). A shutdown hook that undoes what {@code up} started
     * calls this, so the interrupted flow cannot put a second qmicli on the device beside the undo's (two qmicli
     * on one cdc-wdm port mix their replies and can hang).
     */
    default void cancelOthers() {
        cancelRunning();
    }
}
