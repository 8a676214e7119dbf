package dev.qmiconn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-answer latency knob: each answer leaves its latency after its own request, pipelined, in order. */
class ReplyLatencyTest {

    private static final int LATENCY_MS = 200;

    @Test
    void should_read_reply_latency_from_scenario_json_and_refuse_one_qmicli_would_time_out_on() {
        String json = "{\"name\":\"slow\",\"replyLatencyMs\":30,\"data\":{\"ipv4\":{\"address\":\"10.0.0.2\","
                + "\"prefix\":24,\"gateway\":\"10.0.0.1\",\"dns1\":\"10.0.0.1\"}}}";
        assertEquals(Duration.ofMillis(30), Scenario.parse(json, "slow.json").replyLatency());
        assertEquals(Duration.ZERO, Scenario.load("e397u-53").replyLatency());
        assertEquals(Duration.ofMillis(45),
                Scenario.load("e397u-53").withReplyLatency(Duration.ofMillis(45)).replyLatency());
        Scenario.ScenarioException e = assertThrows(Scenario.ScenarioException.class,
                () -> Scenario.parse(json.replace("30", "20000"), "slow.json"));
        assertTrue(e.getMessage().contains("replyLatencyMs must be 0..5000"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Scenario.load("e397u-53").withReplyLatency(Duration.ofSeconds(6)));
    }

    @Test
    void should_hold_each_answer_back_from_its_own_request_not_from_the_previous_answer(@TempDir Path dir)
            throws Exception {
        Scenario slow = Scenario.load("e397u-53").withReplyLatency(Duration.ofMillis(LATENCY_MS));
        Path socket = dir.resolve("emu.sock");
        try (ModemEmulator emulator = ModemEmulator.start(slow, socket, new ManualClock());
             SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            InputStream in = Channels.newInputStream(c);

            long t0 = System.nanoTime();
            send(c, 1);
            assertEquals(1, QmuxCodec.decode(QmuxCodec.readFrame(in)).transactionId());
            long one = millisSince(t0);
            assertTrue(one >= LATENCY_MS, "one answer took " + one + " ms, less than the latency");

            // three requests at once (qmi-proxy multiplexing three clients): about one latency, not three
            long t1 = System.nanoTime();
            send(c, 2);
            send(c, 3);
            send(c, 4);
            for (int transaction = 2; transaction <= 4; transaction++) {
                assertEquals(transaction, QmuxCodec.decode(QmuxCodec.readFrame(in)).transactionId(),
                        "answers leave in the order of their requests");
            }
            long three = millisSince(t1);
            assertTrue(three >= LATENCY_MS && three < 2 * LATENCY_MS, "three pipelined answers took " + three
                    + " ms; expected one latency (" + LATENCY_MS + " ms), not one each");
            assertEquals(4, emulator.liveClientIds(), "the requests took effect (four DMS client ids)");
        }
    }

    private static void send(SocketChannel c, int transaction) throws Exception {
        QmiMessage request = new QmiMessage(QmiMessage.Direction.TO_MODEM, 0, 0, QmiMessage.Kind.REQUEST,
                transaction, CtlService.ALLOCATE_CID, List.of(Tlv.u8(0x01, DmsService.SERVICE)));
        c.write(ByteBuffer.wrap(QmuxCodec.encode(request)));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
