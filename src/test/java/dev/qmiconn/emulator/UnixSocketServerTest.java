package dev.qmiconn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket side without any tool: several connections (socat per qmicli run, or one kept), one modem. */
class UnixSocketServerTest {

    @Test
    void should_answer_each_connection_on_its_own_while_client_ids_stay_modem_wide(@TempDir Path dir)
            throws Exception {
        Path socket = dir.resolve("emu.sock");
        try (ModemEmulator emulator = ModemEmulator.start(Scenario.load("e397u-53"), socket, new ManualClock());
             SocketChannel second = connect(socket)) {
            try (SocketChannel first = connect(socket)) {
                assertEquals(1, allocateDms(first, 1));
                assertEquals(2, allocateDms(second, 1), "the second connection sees the first one's CID taken");
                assertEquals(3, allocateDms(first, 2));
                assertEquals(3, emulator.liveClientIds());
            }
            assertEquals(4, allocateDms(second, 2), "the other connection goes on after one closed");
            assertEquals(4, emulator.liveClientIds(), "a closed connection does not release CIDs (like a real fd)");
        }
        assertFalse(Files.exists(socket), "close removes the socket file");
    }

    private static SocketChannel connect(Path socket) throws Exception {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(socket));
        return c;
    }

    private static int allocateDms(SocketChannel c, int transaction) throws Exception {
        QmiMessage request = new QmiMessage(QmiMessage.Direction.TO_MODEM, 0, 0, QmiMessage.Kind.REQUEST,
                transaction, CtlService.ALLOCATE_CID, List.of(Tlv.u8(0x01, DmsService.SERVICE)));
        c.write(ByteBuffer.wrap(QmuxCodec.encode(request)));
        InputStream in = Channels.newInputStream(c);
        QmiMessage response = QmuxCodec.decode(QmuxCodec.readFrame(in));
        assertEquals(transaction, response.transactionId());
        assertEquals(QmiMessage.Direction.FROM_MODEM, response.direction());
        return response.tlv(0x01).orElseThrow().value()[1];
    }
}
