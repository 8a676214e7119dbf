package dev.qmiconn.emulator;

import java.nio.charset.StandardCharsets;

/** Reads the u8-length-prefixed strings libqmi puts inside sequences (PIN values, PLMN names). */
final class PinCodec {

    private PinCodec() {
    }

    static String prefixedString(byte[] value, int offset) {
        if (offset >= value.length) {
            return "";
        }
        int len = value[offset] & 0xFF;
        int end = Math.min(value.length, offset + 1 + len);
        return new String(value, offset + 1, end - offset - 1, StandardCharsets.UTF_8);
    }
}
