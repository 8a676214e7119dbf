package dev.qmiconn.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class QmuxCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    /** CTL Allocate CID for DMS, transaction 1, as libqmi writes it to /dev/cdc-wdm0. */
    private static final String ALLOCATE_DMS = "010f00000000000122000400010100" + "02";

    @Test
    void should_decode_a_ctl_allocate_request_byte_for_byte() {
        QmiMessage m = QmuxCodec.decode(HEX.parseHex(ALLOCATE_DMS));
        assertEquals(QmiMessage.Direction.TO_MODEM, m.direction());
        assertEquals(0, m.service());
        assertEquals(0, m.clientId());
        assertEquals(QmiMessage.Kind.REQUEST, m.kind());
        assertEquals(1, m.transactionId());
        assertEquals(0x0022, m.messageId());
        assertEquals(List.of(new Tlv(0x01, new byte[] {0x02})), m.tlvs());
    }

    @Test
    void should_encode_a_ctl_response_with_one_byte_transaction_and_response_flag() {
        QmiMessage request = QmuxCodec.decode(HEX.parseHex(ALLOCATE_DMS));
        QmiMessage response = request.response(List.of(QmiError.NONE.resultTlv(),
                new Tlv.Writer().u8(2).u8(7).tlv(0x01)));
        assertEquals("011700800000" + "0101" + "2200" + "0c00" + "02040000000000" + "0102000207",
                HEX.formatHex(QmuxCodec.encode(response)));
    }

    @Test
    void should_use_two_byte_transactions_and_flag_2_for_service_responses() {
        QmiMessage m = new QmiMessage(QmiMessage.Direction.FROM_MODEM, 0x01, 5, QmiMessage.Kind.RESPONSE, 0x0102,
                0x0020, List.of(QmiError.CALL_FAILED.resultTlv(), Tlv.u16(0x10, 3)));
        byte[] bytes = QmuxCodec.encode(m);
        assertEquals("0118008001050202012000", HEX.formatHex(bytes, 0, 11));
        assertEquals(m, QmuxCodec.decode(bytes));
    }

    @Test
    void should_round_trip_every_kind_on_ctl_and_services() {
        for (int service : new int[] {0x00, 0x01, 0x1A}) {
            for (QmiMessage.Kind kind : QmiMessage.Kind.values()) {
                QmiMessage m = new QmiMessage(QmiMessage.Direction.FROM_MODEM, service, service == 0 ? 0 : 9, kind,
                        service == 0 ? 200 : 40000, 0x0024, List.of(Tlv.string(0x01, "x"), Tlv.u64(0x19, -1L)));
                assertEquals(m, QmuxCodec.decode(QmuxCodec.encode(m)));
            }
        }
    }

    @Test
    void should_reject_frames_whose_lengths_disagree() {
        byte[] frame = HEX.parseHex(ALLOCATE_DMS);
        frame[1] = 0x10;
        assertThrows(QmuxCodec.QmuxFormatException.class, () -> QmuxCodec.decode(frame));
        byte[] badTlv = HEX.parseHex("010f00000000000122000400010500" + "02");
        assertTrue(assertThrows(QmuxCodec.QmuxFormatException.class, () -> QmuxCodec.decode(badTlv))
                .getMessage().contains("TLV 0x01"));
        assertThrows(QmuxCodec.QmuxFormatException.class, () -> QmuxCodec.decode(HEX.parseHex("02")));
    }

    @Test
    void should_read_back_to_back_frames_from_a_stream_skipping_noise_before_a_marker() throws Exception {
        byte[] one = HEX.parseHex(ALLOCATE_DMS);
        byte[] stream = HEX.parseHex("ff00" + ALLOCATE_DMS + ALLOCATE_DMS);
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        assertArrayEquals(one, QmuxCodec.readFrame(in));
        assertArrayEquals(one, QmuxCodec.readFrame(in));
        assertThrows(EOFException.class, () -> QmuxCodec.readFrame(in));
    }

    @Test
    void should_write_integers_little_endian_and_nested_strings_with_a_length_prefix() {
        assertEquals("3412", HEX.formatHex(Tlv.u16(1, 0x1234).value()));
        assertEquals("01efcdd8", HEX.formatHex(Tlv.u32(1, 0xD8CDEF01L).value()));
        assertEquals("03616263", HEX.formatHex(new Tlv.Writer().prefixedString("abc").bytes()));
        assertEquals("0100" + "0e00", HEX.formatHex(QmiError.CALL_FAILED.resultTlv().value()));
        assertEquals("1234", new Tlv(0x01, HEX.parseHex("0004313233345a")).prefixedString(1));
    }
}
