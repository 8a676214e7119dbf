package dev.qmiconn.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.connect.RoamingPolicy.Decision;
import dev.qmiconn.connect.RoamingPolicy.Mode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.model.AttachState;
import dev.qmiconn.qmi.model.Plmn;
import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.qmi.model.ServingSystem;

class RoamingPolicyTest {

    private static ServingSystem registered(Boolean roaming) {
        return new ServingSystem(RegistrationState.REGISTERED, AttachState.ATTACHED, AttachState.ATTACHED, "3gpp",
                List.of(RadioInterface.LTE), roaming, List.of("lte"), new Plmn("302", "720", "Rogers"), null, null, null);
    }

    @Test
    void should_deny_by_default_only_when_a_cap_is_set_and_let_an_explicit_mode_win() {
        assertEquals(Mode.DENY, RoamingPolicy.effective(null, true));
        assertEquals(Mode.ALLOW, RoamingPolicy.effective(null, false));
        assertEquals(Mode.ALLOW, RoamingPolicy.effective(Mode.ALLOW, true));
        assertEquals(Mode.DENY, RoamingPolicy.effective(Mode.DENY, false));
    }

    @Test
    void should_stay_down_only_when_roaming_and_denied() {
        assertEquals(Decision.STAY_DOWN, RoamingPolicy.decide(Mode.DENY, true));
        assertEquals(Decision.CONNECT, RoamingPolicy.decide(Mode.DENY, false));
        assertEquals(Decision.CONNECT, RoamingPolicy.decide(Mode.DENY, null), "no indicator counts as home");
        assertEquals(Decision.CONNECT, RoamingPolicy.decide(Mode.ALLOW, true));
        assertEquals(Decision.CONNECT, RoamingPolicy.decide(null, true), "no mode given: allow");
    }

    @Test
    void should_refuse_up_with_roaming_denied_naming_the_network() {
        QmiConnException e = assertThrows(QmiConnException.class,
                () -> RoamingPolicy.check(Mode.DENY, registered(true)));
        assertEquals(ExitCode.ROAMING_DENIED, e.exitCode());
        assertEquals("registered roaming on Rogers (302/720) and roaming is denied (--roaming deny, the default "
                + "with a data cap): not connecting; give --roaming allow to connect anyway", e.getMessage());
        RoamingPolicy.check(Mode.DENY, registered(false));
        RoamingPolicy.check(Mode.ALLOW, registered(true));
    }

    @Test
    void should_read_the_words_of_the_option() {
        assertEquals(Mode.DENY, Mode.fromWord(" Deny "));
        assertEquals("allow", Mode.ALLOW.word());
        assertThrows(IllegalArgumentException.class, () -> Mode.fromWord("sometimes"));
    }
}
