package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class AtResponseParserTest {

    @Test
    void should_drop_the_echo_and_keep_unsolicited_codes_apart() {
        AtReply r = AtResponseParser.parse("AT^DHCP?", List.of("AT^DHCP?", "^RSSI:18",
                "^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000", "^MODE:5,4", "OK"));
        assertTrue(r.ok());
        assertEquals(List.of("^DHCP:0100000a,fcffffff,0200000a,0200000a,8080808,4040808,100000000,50000000"),
                r.lines());
        assertEquals(List.of("^RSSI:18", "^MODE:5,4"), r.unsolicited());
    }

    @Test
    void should_keep_a_line_the_command_asked_for_even_if_it_can_be_unsolicited() {
        AtReply r = AtResponseParser.parse("AT+CREG?", List.of("+CREG: 0,1", "OK"));
        assertEquals(List.of("+CREG: 0,1"), r.lines());
        AtReply s = AtResponseParser.parse("AT^NDISSTATQRY?", List.of("^NDISSTAT: 1,,,\"IPV4\"",
                "^NDISSTATQRY: 1,,,\"IPV4\"", "OK"));
        assertEquals(List.of("^NDISSTATQRY: 1,,,\"IPV4\""), s.lines());
        assertEquals(List.of("^NDISSTAT: 1,,,\"IPV4\""), s.unsolicited());
    }

    @Test
    void should_map_numeric_and_verbose_cme_errors_to_the_same_meaning() {
        AtReply numeric = AtResponseParser.parse("AT+COPS?", List.of("+CME ERROR: 10"));
        AtReply verbose = AtResponseParser.parse("AT+COPS?", List.of("+CME ERROR: sim NOT inserted"));
        assertEquals(AtReply.Result.CME_ERROR, numeric.result());
        assertEquals(10, numeric.cme().orElseThrow().code());
        assertEquals(10, verbose.cme().orElseThrow().code());
        QmiConnException e = assertThrows(QmiConnException.class, numeric::orThrow);
        assertEquals(ExitCode.SIM_ERROR, e.exitCode());
        assertEquals("the modem answered +CME ERROR: 10 (SIM not inserted) to AT+COPS?", e.getMessage());
    }

    @Test
    void should_give_each_error_family_its_exit_code() {
        assertEquals(ExitCode.SIM_ERROR, CmeError.of("11").exitCode());
        assertEquals(ExitCode.NO_SERVICE, CmeError.of("30").exitCode());
        assertEquals(ExitCode.NO_SERVICE, CmeError.of("no network service").exitCode());
        assertEquals(ExitCode.CALL_FAILED, CmeError.of("133").exitCode());
        assertEquals(ExitCode.MODEM_ERROR, CmeError.of("9999").exitCode());
        assertEquals("+CME ERROR: 9999 (error 9999)", CmeError.of("9999").describe());
        assertEquals("+CME ERROR: Frobnicated", CmeError.of(" Frobnicated ").describe());
    }

    @Test
    void should_explain_plain_error_and_huawei_command_not_support() {
        QmiConnException e = assertThrows(QmiConnException.class,
                () -> AtResponseParser.parse("AT^FOO", List.of("AT^FOO", "COMMAND NOT SUPPORT")).orThrow());
        assertEquals(ExitCode.MODEM_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains("does not know the command"), e.getMessage());
        AtReply err = AtResponseParser.parse("AT^DHCP?", List.of("ERROR"));
        assertEquals(AtReply.Result.ERROR, err.result());
        assertTrue(err.cme().isEmpty());
    }

    @Test
    void should_recognise_final_result_codes_only() {
        for (String fin : List.of("OK", "ERROR", "+CME ERROR: 3", "+CMS ERROR: 500", "NO CARRIER",
                "COMMAND NOT SUPPORT", " ok ")) {
            assertTrue(AtResponseParser.isFinal(fin), fin);
        }
        for (String notFinal : List.of("AT", "^RSSI:18", "+CSQ: 18,99", "OKAY", "")) {
            assertFalse(AtResponseParser.isFinal(notFinal), notFinal);
        }
    }

    @Test
    void should_refuse_lines_without_a_final_code() {
        assertThrows(IllegalArgumentException.class, () -> AtResponseParser.parse("AT", List.of()));
        assertThrows(IllegalArgumentException.class, () -> AtResponseParser.parse("AT", List.of("AT")));
    }

    @Test
    void should_find_the_prefix_a_command_queries() {
        assertEquals("^DHCP", AtResponseParser.queriedPrefix("AT^DHCP?"));
        assertEquals("^NDISDUP", AtResponseParser.queriedPrefix("at^ndisdup=1,1,\"x\""));
        assertEquals("+CSQ", AtResponseParser.queriedPrefix("AT+CSQ"));
        assertEquals("Z", AtResponseParser.queriedPrefix("ATZ"));
    }
}
