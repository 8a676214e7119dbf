package dev.qmiconn.qmi.model;

/** WDS packet service status ({@code --wds-get-packet-service-status}, QmiWdsConnectionStatus). */
public enum ConnectionStatus implements QmicliEnum {
    UNKNOWN("unknown"),
    DISCONNECTED("disconnected"),
    CONNECTED("connected"),
    SUSPENDED("suspended"),
    AUTHENTICATING("authenticating");

    private final String qmicli;

    ConnectionStatus(String qmicli) {
        this.qmicli = qmicli;
    }

    @Override
    public String qmicli() {
        return qmicli;
    }

    /** Unknown words map to {@link #UNKNOWN}. */
    public static ConnectionStatus fromQmicli(String word) {
        return QmicliEnum.lookup(ConnectionStatus.class, word, UNKNOWN);
    }
}
