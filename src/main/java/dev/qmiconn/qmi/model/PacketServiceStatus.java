package dev.qmiconn.qmi.model;

/** {@code --wds-get-packet-service-status}. */
public record PacketServiceStatus(ConnectionStatus status) {

    public boolean connected() {
        return status == ConnectionStatus.CONNECTED;
    }
}
