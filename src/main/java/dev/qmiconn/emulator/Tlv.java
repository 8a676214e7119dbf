package dev.qmiconn.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One QMI type-length-value field: 1-byte type, 2-byte little-endian length, value. Integers inside values
 * are little-endian as well (libqmi reads them with {@code qmi_message_tlv_read_guint*} in LE order).
 */
public record Tlv(int type, byte[] value) {

    public Tlv {
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("TLV type must fit one byte: " + type);
        }
        value = value.clone();
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("TLV value too long: " + value.length);
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** A reader over the value, little-endian. */
    public ByteBuffer reader() {
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static Tlv u8(int type, int v) {
        return new Tlv(type, new Writer().u8(v).bytes());
    }

    public static Tlv u16(int type, int v) {
        return new Tlv(type, new Writer().u16(v).bytes());
    }

    public static Tlv u32(int type, long v) {
        return new Tlv(type, new Writer().u32(v).bytes());
    }

    public static Tlv u64(int type, long v) {
        return new Tlv(type, new Writer().u64(v).bytes());
    }

    /** A TLV that is nothing but a string: libqmi gives such strings no length prefix (the TLV length is it). */
    public static Tlv string(int type, String s) {
        return new Tlv(type, s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The u8-length-prefixed string at {@code offset} of the value, as libqmi puts strings inside sequences
     * (PIN values, PLMN names); the reading side of {@link Writer#prefixedString}. Cut short at the end.
     */
    public String prefixedString(int offset) {
        if (offset >= value.length) {
            return "";
        }
        int len = value[offset] & 0xFF;
        int end = Math.min(value.length, offset + 1 + len);
        return new String(value, offset + 1, end - offset - 1, StandardCharsets.UTF_8);
    }

    /** The whole value as a string (top-level string TLVs carry no prefix). */
    public String asString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.type == type && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        StringBuilder hex = new StringBuilder();
        for (byte b : value) {
            hex.append(String.format("%02x", b & 0xFF));
        }
        return String.format("Tlv[0x%02x: %s]", type, hex);
    }

    /** Builds a TLV value field by field, little-endian. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Writer u8(int v) {
            out.write(v & 0xFF);
            return this;
        }

        public Writer u16(int v) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
            return this;
        }

        public Writer u32(long v) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        public Writer u64(long v) {
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        /** A string inside a sequence: libqmi's default there is a 1-byte length prefix. */
        public Writer prefixedString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u8(b.length);
            out.writeBytes(b);
            return this;
        }

        public Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        public Tlv tlv(int type) {
            return new Tlv(type, bytes());
        }
    }
}
