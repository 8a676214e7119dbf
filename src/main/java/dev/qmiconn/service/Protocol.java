package dev.qmiconn.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The local API's wire format, version 1 (docs/SERVICE-API.md), kept free of any library so the client path
 * loads nothing but this class and the JDK.
 * <pre>
 * request:  QMI-CONN/1 TAB word TAB word ... LF        (the words after "qmi-conn", e.g. status TAB --json)
 * answer:   "1 " text LF   a line for standard output
 *           "2 " text LF   a line for standard error
 *           "exit " N LF   the command's exit code; the server then closes the connection
 * </pre>
 * Words are printable UTF-8 without TAB, CR or LF; at most 64 words and 8 KiB a request.
 */
public final class Protocol {

    public static final String VERSION = "QMI-CONN/1";
    static final int MAX_REQUEST = 8192;
    static final int MAX_WORDS = 64;

    private Protocol() {
    }

    /** The request line for {@code words}; a word the protocol cannot carry is refused. */
    public static byte[] request(List<String> words) {
        StringBuilder sb = new StringBuilder(VERSION);
        for (String w : words) {
            if (!carriable(w)) {
                throw new IllegalArgumentException("cannot send this word to the service: " + w.replaceAll(
                        "\\p{Cntrl}", "?"));
            }
            sb.append('\t').append(w);
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    // a plain loop: a lambda or stream here would bootstrap invokedynamic on the client's start (~10 ms)
    static boolean carriable(String w) {
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Reads and checks one request; the words after the version. */
    static List<String> readRequest(InputStream in) throws IOException, BadRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new BadRequest("no complete request line");
            }
            if (line.size() >= MAX_REQUEST) {
                throw new BadRequest("request longer than " + MAX_REQUEST + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        String[] parts = text.split("\t", -1);
        if (!parts[0].equals(VERSION)) {
            throw new BadRequest("expected '" + VERSION + "' first, got '" + printable(parts[0]) + "'");
        }
        if (parts.length - 1 > MAX_WORDS) {
            throw new BadRequest("more than " + MAX_WORDS + " words");
        }
        List<String> words = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!carriable(parts[i])) {
                throw new BadRequest("control character in word " + i);
            }
            words.add(parts[i]);
        }
        return words;
    }

    static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > 40 ? p.substring(0, 40) + "..." : p;
    }

    /** A request that is not protocol version 1. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    /** The server side of an answer: standard output and error as line frames, then the exit code. */
    static final class Frames {
        private final OutputStream raw;

        Frames(OutputStream raw) {
            this.raw = raw;
        }

        OutputStream stdout() {
            return new LineFramer(this, '1');
        }

        OutputStream stderr() {
            return new LineFramer(this, '2');
        }

        void err(String line) throws IOException {
            frame('2', line);
        }

        synchronized void frame(char stream, String line) throws IOException {
            raw.write((stream + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
            raw.flush();
        }

        void exit(int code) throws IOException {
            synchronized (this) {
                raw.write(("exit " + code + "\n").getBytes(StandardCharsets.US_ASCII));
                raw.flush();
            }
        }
    }

    /** Turns a byte stream into one frame per line (a last line without LF is sent on close). */
    private static final class LineFramer extends OutputStream {
        private final Frames frames;
        private final char stream;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineFramer(Frames frames, char stream) {
            this.frames = frames;
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                frames.frame(stream, pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }

        @Override
        public void close() throws IOException {
            if (pending.size() > 0) {
                frames.frame(stream, pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
        }
    }

    /**
     * The client side: copies the answer's frames to {@code out}/{@code err} as they arrive and returns the exit
     * code; -1 when the server hung up without one.
     */
    public static int relay(InputStream in, OutputStream out, OutputStream err) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.startsWith("exit ")) {
                out.flush();
                err.flush();
                try {
                    return Integer.parseInt(text.substring(5).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            OutputStream to = text.startsWith("2 ") ? err : out;
            to.write((text.length() >= 2 ? text.substring(2) : "").getBytes(StandardCharsets.UTF_8));
            to.write('\n');
            to.flush();
        }
        return -1;
    }
}
