package dev.qmiconn.emulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * QMUX framing as on /dev/cdc-wdm0 (libqmi qmi-message.c):
 * <pre>
 * 0x01 marker | u16 length (everything after the marker) | u8 flags (0x00 host, 0x80 modem) | u8 service
 * | u8 client id | SDU
 * SDU (CTL):     u8 flags (0 request, 1 response, 2 indication) | u8  transaction | u16 message | u16 tlv length | TLVs
 * SDU (others):  u8 flags (0 request, 2 response, 4 indication) | u16 transaction | u16 message | u16 tlv length | TLVs
 * </pre>
 */
public final class QmuxCodec {

    public static final int MARKER = 0x01;
    private static final int QMUX_HEADER = 5; // length(2) + flags + service + client id

    private QmuxCodec() {
    }

    public static byte[] encode(QmiMessage m) {
        ByteArrayOutputStream tlvBytes = new ByteArrayOutputStream();
        for (Tlv t : m.tlvs()) {
            tlvBytes.write(t.type());
            tlvBytes.write(t.length() & 0xFF);
            tlvBytes.write(t.length() >>> 8);
            tlvBytes.writeBytes(t.value());
        }
        boolean ctl = m.isCtl();
        int sduHeader = ctl ? 6 : 7;
        int length = QMUX_HEADER + sduHeader + tlvBytes.size();
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("QMUX frame too long: " + length);
        }
        ByteBuffer b = ByteBuffer.allocate(1 + length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) MARKER).putShort((short) length);
        b.put((byte) (m.direction() == QmiMessage.Direction.FROM_MODEM ? 0x80 : 0x00));
        b.put((byte) m.service()).put((byte) m.clientId());
        b.put((byte) sduFlags(m.kind(), ctl));
        if (ctl) {
            b.put((byte) m.transactionId());
        } else {
            b.putShort((short) m.transactionId());
        }
        b.putShort((short) m.messageId()).putShort((short) tlvBytes.size());
        b.put(tlvBytes.toByteArray());
        return b.array();
    }

    /** Decodes one whole frame (marker included). */
    public static QmiMessage decode(byte[] frame) {
        if (frame.length < 1 + QMUX_HEADER || (frame[0] & 0xFF) != MARKER) {
            throw new QmuxFormatException("not a QMUX frame (marker 0x01 and 6-byte header expected)");
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        b.get();
        int length = b.getShort() & 0xFFFF;
        if (length != frame.length - 1) {
            throw new QmuxFormatException("QMUX length " + length + " but frame has " + (frame.length - 1));
        }
        QmiMessage.Direction direction = (b.get() & 0x80) != 0 ? QmiMessage.Direction.FROM_MODEM
                : QmiMessage.Direction.TO_MODEM;
        int service = b.get() & 0xFF;
        int clientId = b.get() & 0xFF;
        boolean ctl = service == QmiMessage.CTL;
        if (b.remaining() < (ctl ? 6 : 7)) {
            throw new QmuxFormatException("QMI SDU header truncated");
        }
        int flags = b.get() & 0xFF;
        int transaction = ctl ? b.get() & 0xFF : b.getShort() & 0xFFFF;
        int messageId = b.getShort() & 0xFFFF;
        int tlvLength = b.getShort() & 0xFFFF;
        if (tlvLength != b.remaining()) {
            throw new QmuxFormatException("TLV length " + tlvLength + " but " + b.remaining() + " bytes follow");
        }
        List<Tlv> tlvs = new ArrayList<>();
        while (b.hasRemaining()) {
            if (b.remaining() < 3) {
                throw new QmuxFormatException("TLV header truncated");
            }
            int type = b.get() & 0xFF;
            int len = b.getShort() & 0xFFFF;
            if (len > b.remaining()) {
                throw new QmuxFormatException(String.format("TLV 0x%02x says %d bytes, %d left", type, len,
                        b.remaining()));
            }
            byte[] value = new byte[len];
            b.get(value);
            tlvs.add(new Tlv(type, value));
        }
        return new QmiMessage(direction, service, clientId, kindOf(flags, ctl), transaction, messageId, tlvs);
    }

    /**
     * Reads the next frame from a byte stream (pty bytes bridged by socat). Bytes before a marker are
     * skipped, as a line can carry noise after a reconnect. Throws EOFException at end of stream.
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        int marker;
        do {
            marker = in.read();
            if (marker < 0) {
                throw new EOFException();
            }
        } while (marker != MARKER);
        int lo = in.read();
        int hi = in.read();
        if (lo < 0 || hi < 0) {
            throw new EOFException();
        }
        int length = lo | (hi << 8);
        if (length < QMUX_HEADER) {
            throw new QmuxFormatException("QMUX length " + length + " shorter than its header");
        }
        byte[] frame = new byte[1 + length];
        frame[0] = MARKER;
        frame[1] = (byte) lo;
        frame[2] = (byte) hi;
        int off = 3;
        while (off < frame.length) {
            int n = in.read(frame, off, frame.length - off);
            if (n < 0) {
                throw new EOFException();
            }
            off += n;
        }
        return frame;
    }

    private static int sduFlags(QmiMessage.Kind kind, boolean ctl) {
        return switch (kind) {
            case REQUEST -> 0x00;
            case RESPONSE -> ctl ? 0x01 : 0x02;
            case INDICATION -> ctl ? 0x02 : 0x04;
        };
    }

    private static QmiMessage.Kind kindOf(int flags, boolean ctl) {
        if (ctl) {
            return switch (flags & 0x03) {
                case 0x01 -> QmiMessage.Kind.RESPONSE;
                case 0x02 -> QmiMessage.Kind.INDICATION;
                default -> QmiMessage.Kind.REQUEST;
            };
        }
        if ((flags & 0x04) != 0) {
            return QmiMessage.Kind.INDICATION;
        }
        return (flags & 0x02) != 0 ? QmiMessage.Kind.RESPONSE : QmiMessage.Kind.REQUEST;
    }

    /** A byte sequence that is not a well-formed QMUX frame. */
    public static final class QmuxFormatException extends IllegalArgumentException {
        public QmuxFormatException(String message) {
            super(message);
        }
    }
}
