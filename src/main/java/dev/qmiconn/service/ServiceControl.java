package dev.qmiconn.service;

import java.io.PrintWriter;

import dev.qmiconn.connect.StatusReport;

/**
 * What a running service offers the commands that its clients send over the socket: {@code status} from its live
 * view (no qmicli), and {@code up}/{@code down} as requests to its watch loop, which keeps the link down after a
 * {@code down} until the next {@code up}.
 */
public interface ServiceControl {

    String device();

    StatusReport status();

    /** Brings the link up (or confirms it is up); the exit code of the outcome. */
    int up(PrintWriter out);

    /** Takes the link down and keeps it down; the exit code. */
    int down(PrintWriter out);
}
