package dev.qmiconn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/** Talks to an emulator in-process, through the same encode/decode path the socket uses. */
final class QmiTestClient {

    private final ModemEmulator emulator;
    private int transaction = 1;

    QmiTestClient(ModemEmulator emulator) {
        this.emulator = emulator;
    }

    Optional<QmiMessage> send(int service, int cid, int messageId, Tlv... tlvs) {
        QmiMessage request = new QmiMessage(QmiMessage.Direction.TO_MODEM, service, cid, QmiMessage.Kind.REQUEST,
                transaction++ & (service == 0 ? 0xFF : 0xFFFF), messageId, List.of(tlvs));
        // through the wire format both ways, as over the socket
        return emulator.exchange(QmuxCodec.decode(QmuxCodec.encode(request)))
                .map(r -> QmuxCodec.decode(QmuxCodec.encode(r)));
    }

    QmiMessage call(int service, int cid, int messageId, Tlv... tlvs) {
        QmiMessage response = send(service, cid, messageId, tlvs).orElseThrow(() -> new AssertionError("no answer"));
        assertEquals(QmiMessage.Kind.RESPONSE, response.kind());
        assertEquals(messageId, response.messageId());
        return response;
    }

    /** The QMI error code of a response (0 on success). */
    static int error(QmiMessage response) {
        ByteBuffer b = response.tlv(0x02).orElseThrow().reader();
        int status = b.getShort();
        int code = b.getShort();
        assertEquals(code == 0 ? 0 : 1, status);
        return code;
    }

    static ByteBuffer value(QmiMessage response, int type) {
        return response.tlv(type).orElseThrow(() -> new AssertionError("no TLV " + type + " in " + response))
                .reader().order(ByteOrder.LITTLE_ENDIAN);
    }

    int allocate(int service) {
        QmiMessage r = call(0, 0, CtlService.ALLOCATE_CID, Tlv.u8(0x01, service));
        assertEquals(0, error(r), "allocate " + service);
        ByteBuffer b = value(r, 0x01);
        assertEquals(service, b.get() & 0xFF);
        return b.get() & 0xFF;
    }

    int release(int service, int cid) {
        return error(call(0, 0, CtlService.RELEASE_CID, new Tlv.Writer().u8(service).u8(cid).tlv(0x01)));
    }

    QmiMessage startNetwork(int cid, String apn, Tlv... more) {
        Tlv[] tlvs = new Tlv[more.length + 1];
        tlvs[0] = Tlv.string(0x14, apn);
        System.arraycopy(more, 0, tlvs, 1, more.length);
        return call(WdsService.SERVICE, cid, WdsService.START_NETWORK, tlvs);
    }
}
