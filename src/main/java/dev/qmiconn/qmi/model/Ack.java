package dev.qmiconn.qmi.model;

/**
 * The answer of an action that returns no data (set, stop, verify, noop): qmicli's confirmation line without
 * the {@code [device]} prefix (null for a noop, which prints nothing), and the client id qmicli printed as
 * not released, if any ({@code --client-no-release-cid}).
 */
public record Ack(String confirmation, Integer cidNotReleased) {
}
