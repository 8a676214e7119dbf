package dev.qmiconn.emulator;

import java.util.ArrayList;
import java.util.List;

/** What a service answers to one request: a result (success or QMI error) with TLVs, or nothing at all. */
record Reply(QmiError error, List<Tlv> tlvs, boolean silent) {

    Reply {
        tlvs = List.copyOf(tlvs);
    }

    static Reply ok(Tlv... tlvs) {
        return new Reply(QmiError.NONE, List.of(tlvs), false);
    }

    static Reply ok(List<Tlv> tlvs) {
        return new Reply(QmiError.NONE, tlvs, false);
    }

    static Reply error(QmiError error, Tlv... tlvs) {
        return new Reply(error, List.of(tlvs), false);
    }

    /** A request the modem never answers (qmicli gives up after its timeout). */
    static Reply silence() {
        return new Reply(QmiError.NONE, List.of(), true);
    }

    /** The response TLVs: the result TLV 0x02 first, as modems send it. */
    List<Tlv> responseTlvs() {
        List<Tlv> all = new ArrayList<>();
        all.add(error.resultTlv());
        all.addAll(tlvs);
        return all;
    }
}
