package dev.qmiconn.qmi.model;

/**
 * {@code --wds-start-network ... --client-no-release-cid}: the packet data handle (needed to stop the call)
 * and the WDS client id that was kept (needed to stop the call and to release the client).
 * {@code cid} is null when qmicli ran without {@code --client-no-release-cid}.
 */
public record StartedNetwork(long packetDataHandle, Integer cid) {
}
