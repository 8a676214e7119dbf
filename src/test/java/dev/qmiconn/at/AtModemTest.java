package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class AtModemTest {

    @ParameterizedTest
    @ValueSource(strings = {"AT\rATZ", "AT\nAT+CFUN=0", "AT\u0000", "AT\u001a", "ATé", "", "+CSQ", "CSQ"})
    void should_refuse_command_lines_that_are_not_exactly_one_at_command(String command) {
        assertEquals(ExitCode.BAD_INPUT,
                assertThrows(QmiConnException.class, () -> AtModem.checkCommand(command)).exitCode());
    }

    @Test
    void should_never_send_an_apn_that_could_close_the_quote() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53())) {
            AtModem modem = new AtModem(port.session, Duration.ofSeconds(2));
            QmiConnException e = assertThrows(QmiConnException.class, () -> modem.connect("fp\",0;+CFUN=0"));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertEquals(0, port.emulator.modem().commandsSeen());
        }
    }

    @Test
    void should_read_status_signal_operator_and_dhcp_from_the_emulator() throws Exception {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withConnectDelay(Duration.ofMillis(50)))) {
            AtModem modem = new AtModem(port.session, Duration.ofSeconds(2));
            modem.prepare();
            assertEquals(NdisStatus.State.DISCONNECTED, modem.ndisStatus().state());
            assertEquals(-77, modem.signal().dbm().getAsInt());
            assertEquals("AT&T (LTE)", modem.operator().describe());
            assertEquals(ExitCode.MODEM_ERROR, assertThrows(QmiConnException.class, modem::dhcp).exitCode());
            modem.connect("fp.com.attz");
            AtBringUpTest.awaitSessionUp(port);
            assertEquals(NdisStatus.State.CONNECTED, modem.ndisStatus().state());
            assertEquals(DhcpDecoder.decode(
                    "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000"), modem.dhcp());
            modem.disconnect();
            assertEquals(NdisStatus.State.DISCONNECTED, modem.ndisStatus().state());
        }
    }
}
