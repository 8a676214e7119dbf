package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.emulator.at.AtScenario;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class AtSessionTest {

    private static final Duration T = Duration.ofSeconds(2);

    @Test
    void should_answer_with_echo_on_and_reports_interleaved() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53())) {
            AtReply r = port.session.send("AT+CSQ", T);
            assertTrue(r.ok());
            assertEquals(List.of("+CSQ: 18,99"), r.lines());
            // ^BOOT/^MODE from power-up may land before the reply too; either way none of it is the answer
            assertTrue(r.unsolicited().contains("^RSSI:18"), r.unsolicited().toString());
        }
    }

    @Test
    void should_answer_the_same_with_echo_off() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withEcho(false).withUnsolicited(false))) {
            AtReply r = port.session.send("ATI", T);
            assertEquals("Model: E397u-53", r.lines().get(1));
            assertEquals(List.of(), r.unsolicited());
        }
    }

    @Test
    void should_wait_for_a_slow_reply_within_the_deadline() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withReplyDelay(Duration.ofMillis(700)))) {
            long start = System.nanoTime();
            assertTrue(port.session.send("AT", T).ok());
            assertTrue(System.nanoTime() - start >= 600_000_000L);
        }
    }

    @Test
    void should_give_up_on_a_silent_modem_at_the_deadline() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withSilent("AT+COPS"))) {
            long start = System.nanoTime();
            QmiConnException e = assertThrows(QmiConnException.class,
                    () -> port.session.send("AT+COPS?", Duration.ofMillis(400)));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ExitCode.MODEM_ERROR, e.exitCode());
            assertTrue(e.getMessage().startsWith("no answer to AT+COPS? on emulated ttyUSB0 within 0.4 s"),
                    e.getMessage());
            assertTrue(tookMs >= 350 && tookMs < 1500, "took " + tookMs + " ms");
            assertTrue(port.session.send("AT", T).ok(), "the session stays usable after a timeout");
        }
    }

    @Test
    void should_say_the_port_closed_when_the_modem_goes_away() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53())) {
            port.emulator.close();
            QmiConnException e = assertThrows(QmiConnException.class, () -> port.session.send("AT", T));
            assertTrue(e.getMessage().contains("closed while sending AT"), e.getMessage());
        }
    }

    @Test
    void should_report_plain_numeric_and_verbose_errors() {
        try (EmulatedPort port = new EmulatedPort(AtScenario.e397u53().withSim(AtScenario.Sim.ABSENT))) {
            AtModem modem = new AtModem(port.session, T);
            assertEquals(AtReply.Result.ERROR, modem.send("AT+COPS?").result());
            modem.require("AT+CMEE=1");
            QmiConnException numeric = assertThrows(QmiConnException.class, modem::operator);
            assertEquals(ExitCode.SIM_ERROR, numeric.exitCode());
            assertEquals("the modem answered +CME ERROR: 10 (SIM not inserted) to AT+COPS?", numeric.getMessage());
            modem.require("AT+CMEE=2");
            assertEquals("+CME ERROR: SIM not inserted", modem.send("AT+COPS?").finalLine());
            assertEquals(10, modem.send("AT+COPS?").cme().orElseThrow().code());
            assertEquals(AtReply.Result.NOT_SUPPORTED, modem.send("AT^NOSUCH").result());
        }
    }

    @Test
    void should_not_take_a_late_answer_for_the_next_command() {
        AtScenario slow = AtScenario.e397u53().withReplyDelay(Duration.ofMillis(500)).withUnsolicited(false);
        try (EmulatedPort port = new EmulatedPort(slow)) {
            assertThrows(QmiConnException.class, () -> port.session.send("ATI", Duration.ofMillis(400)));
            AtReply csq = port.session.send("AT+CSQ", T);
            assertEquals(List.of("+CSQ: 18,99"), csq.lines());
        }
    }

    @Test
    void should_give_up_on_a_port_that_never_takes_the_bytes() throws Exception {
        java.nio.channels.Pipe silent = java.nio.channels.Pipe.open();
        java.nio.channels.WritableByteChannel stuck = new java.nio.channels.WritableByteChannel() {
            private volatile boolean open = true;

            @Override
            public int write(java.nio.ByteBuffer src) {
                try {
                    Thread.sleep(60_000); // like a tty held back by flow control
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
        try (AtSession session = new AtSession("stuck ttyUSB0", silent.source(), stuck)) {
            long start = System.nanoTime();
            QmiConnException e = assertThrows(QmiConnException.class,
                    () -> session.send("AT", Duration.ofMillis(300)));
            assertEquals("could not write AT to stuck ttyUSB0 within 0.3 s (port blocked by flow control?)",
                    e.getMessage());
            assertTrue(System.nanoTime() - start < 1_500_000_000L);
        }
    }
}
