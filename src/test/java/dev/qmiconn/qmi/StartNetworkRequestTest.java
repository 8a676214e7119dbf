package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.StartNetworkRequest.Auth;

class StartNetworkRequestTest {

    @Test
    void should_quote_the_apn_like_qmi_network() {
        assertEquals("apn='fast.metropcs.com'", StartNetworkRequest.apn("fast.metropcs.com").render());
    }

    @Test
    void should_render_every_key_qmicli_1_32_accepts() {
        StartNetworkRequest r = new StartNetworkRequest("internet", "user", "p,w", Auth.BOTH, 4, 3, true);
        assertEquals("3gpp-profile=3,apn='internet',username='user',password='p,w',auth=BOTH,ip-type=4,"
                + "autoconnect=yes", r.render());
    }

    @Test
    void should_switch_to_double_quotes_for_a_value_with_a_single_quote_and_refuse_both() {
        assertEquals("apn='a',password=\"it's\"", StartNetworkRequest.apn("a")
                .withCredentials(null, "it's", null).render());
        QmiConnException e = assertThrows(QmiConnException.class, () -> StartNetworkRequest.apn("a")
                .withCredentials(null, "it's \"x\"", null).render());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    @Test
    void should_refuse_an_ip_type_other_than_4_or_6_and_an_unknown_auth() {
        assertEquals(ExitCode.BAD_INPUT, assertThrows(QmiConnException.class,
                () -> StartNetworkRequest.apn("a").withIpType(5)).exitCode());
        assertEquals(Auth.CHAP, Auth.fromString("chap"));
        assertEquals(ExitCode.BAD_INPUT, assertThrows(QmiConnException.class, () -> Auth.fromString("md5")).exitCode());
    }

    @Test
    void should_never_show_the_password_in_to_string() {
        assertFalse(StartNetworkRequest.apn("a").withCredentials("u", "secret", Auth.PAP).toString().contains("secret"));
    }
}
