package dev.qmiconn.emulator;

import java.util.List;
import java.util.Optional;

/**
 * One QMI message as carried in a QMUX frame. CTL (service 0) has a 1-byte transaction id, every other
 * service a 2-byte one; {@link QmuxCodec} takes care of that difference.
 */
public record QmiMessage(Direction direction, int service, int clientId, Kind kind, int transactionId,
                         int messageId, List<Tlv> tlvs) {

    public static final int CTL = 0x00;

    /** QMUX control flags: 0x00 host to modem, 0x80 modem ("service") to host. */
    public enum Direction { TO_MODEM, FROM_MODEM }

    public enum Kind { REQUEST, RESPONSE, INDICATION }

    public QmiMessage {
        tlvs = List.copyOf(tlvs);
    }

    public Optional<Tlv> tlv(int type) {
        return tlvs.stream().filter(t -> t.type() == type).findFirst();
    }

    public boolean isCtl() {
        return service == CTL;
    }

    /** The response to this request, with the given TLVs (the result TLV 0x02 included by the caller). */
    public QmiMessage response(List<Tlv> responseTlvs) {
        return new QmiMessage(Direction.FROM_MODEM, service, clientId, Kind.RESPONSE, transactionId, messageId,
                responseTlvs);
    }

    @Override
    public String toString() {
        return String.format("%s svc=0x%02x cid=%d %s tx=%d msg=0x%04x %s", direction, service, clientId, kind,
                transactionId, messageId, tlvs);
    }
}
