package dev.qmiconn.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** +CSQ, ^NDISSTATQRY and +COPS answers, including empty and garbage input. */
class AtAnswerParsersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+CSQ: 0,99  | -113 | 0 | none      | <= -113 dBm, 0/4 bars (none)",
        "+CSQ: 1,99  | -111 | 0 | none      | -111 dBm, 0/4 bars (none)",
        "+CSQ: 9,99  | -95  | 1 | marginal  | -95 dBm, 1/4 bars (marginal)",
        "+CSQ: 10,0  | -93  | 2 | ok        | -93 dBm, 2/4 bars (ok)",
        "+CSQ: 18,99 | -77  | 3 | good      | -77 dBm, 3/4 bars (good)",
        "+CSQ:20,99  | -73  | 4 | excellent | -73 dBm, 4/4 bars (excellent)",
        "+CSQ: 31,99 | -51  | 4 | excellent | >= -51 dBm, 4/4 bars (excellent)",
    })
    void should_turn_csq_into_dbm_and_bars(String line, int dbm, int bars, String label, String text) {
        SignalQuality q = SignalQuality.parse(line);
        assertEquals(dbm, q.dbm().getAsInt());
        assertEquals(bars, q.bars());
        assertEquals(label, q.label());
        assertEquals(text, q.describe());
    }

    @Test
    void should_say_unknown_for_rssi_99() {
        SignalQuality q = SignalQuality.parse("+CSQ: 99,99");
        assertFalse(q.known());
        assertTrue(q.dbm().isEmpty());
        assertEquals(0, q.bars());
        assertEquals("unknown (no signal detected, rssi 99)", q.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "+CSQ: ,99", "+CSQ: 100,99", "+COPS: 0"})
    void should_refuse_garbage_csq(String line) {
        assertEquals(ExitCode.MODEM_ERROR,
                assertThrows(QmiConnException.class, () -> SignalQuality.parse(line)).exitCode());
    }

    @Test
    void should_read_ndis_states_and_causes() {
        assertEquals(new NdisStatus(NdisStatus.State.CONNECTED, OptionalInt.empty(), "IPV4"),
                NdisStatus.parse("^NDISSTATQRY: 1,,,\"IPV4\""));
        assertEquals(new NdisStatus(NdisStatus.State.DISCONNECTED, OptionalInt.of(33), "IPV4"),
                NdisStatus.parse("^NDISSTATQRY: 0,33,,\"IPV4\""));
        assertEquals(NdisStatus.State.CONNECTING, NdisStatus.parse("^NDISSTATQRY:2,,,\"IPV4\"").state());
        assertEquals(new NdisStatus(NdisStatus.State.CONNECTED, OptionalInt.empty(), "IPV4"),
                NdisStatus.parse("^NDISSTATQRY: 1,,,\"IPV4\",0,33,,\"IPV6\""));
        assertEquals(NdisStatus.State.CONNECTED, NdisStatus.parse("^NDISSTAT: 1,,,\"IPV4\"").state());
        for (String bad : new String[] {"", "^NDISSTATQRY:", "^DHCP:1,,,\"IPV4\"", "^NDISSTATQRY: x,,,"}) {
            assertThrows(QmiConnException.class, () -> NdisStatus.parse(bad), bad);
        }
    }

    @Test
    void should_read_the_operator_or_not_registered() {
        NetworkOperator att = NetworkOperator.parse("+COPS: 0,0,\"AT&T\",7");
        assertEquals(Optional.of("AT&T"), att.name());
        assertEquals("AT&T (LTE)", att.describe());
        assertEquals("MetroPCS", NetworkOperator.parse("+COPS: 0,0,\"MetroPCS\"").describe());
        assertEquals("T-Mobile (UMTS)", NetworkOperator.parse("+COPS: 1,0,\"T-Mobile\",2").describe());
        NetworkOperator none = NetworkOperator.parse("+COPS: 0");
        assertFalse(none.registered());
        assertEquals("not registered", none.describe());
        for (String bad : new String[] {"", "+COPS:", "OK", "+COPS: 0,0,AT&T,7"}) {
            assertThrows(QmiConnException.class, () -> NetworkOperator.parse(bad), bad);
        }
    }
}
