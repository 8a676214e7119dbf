package dev.qmiconn.emulator;

/**
 * A data call that is up: its packet data handle, the WDS client that owns it (releasing that client ends
 * the call, which is why qmi-network passes --client-no-release-cid), and what was asked for.
 */
record ActiveSession(long handle, int clientId, double startedAt, int ipFamily, String apn, int auth,
                     String username) {
}
