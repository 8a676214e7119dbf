package dev.qmiconn.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Imsi;

class ApnSelectionTest {

    private final ProviderDatabase db = ProviderDatabase.read(ProviderDatabaseTest.SMALL);

    @Test
    void should_take_the_apn_marked_internet_with_its_credentials_and_say_why() {
        ApnChoice c = ApnSelection.select(new OperatorId("234", "10"), db.providersFor(new OperatorId("234", "10")))
                .orElseThrow();
        assertEquals("mobile.o2.co.uk", c.apn().value());
        assertEquals("o2web", c.apn().username());
        assertEquals("pap", c.apn().authentication());
        assertEquals("APN 'mobile.o2.co.uk' from the provider database for the SIM's operator 234/10 (O2, gb): "
                + "marked as the internet APN, of 2 entries from 1 provider; with its user name", c.describe());
    }

    @Test
    void should_prefer_the_first_provider_even_when_its_apn_serves_internet_among_other_uses() {
        ApnChoice c = ApnSelection.select(new OperatorId("310", "410"), db.providersFor(new OperatorId("310", "410")))
                .orElseThrow();
        assertEquals("AT&T", c.provider().name());
        assertEquals("NXTGENPHONE", c.apn().value());
        assertEquals("marked for internet among other uses (mms-internet-hipri)", c.reason());
        assertEquals(3, c.candidates());
        assertEquals(2, c.providers());
    }

    @Test
    void should_fall_back_to_the_first_apn_when_none_is_for_internet() {
        ApnChoice c = ApnSelection.select(new OperatorId("310", "030"), db.providersFor(new OperatorId("310", "030")))
                .orElseThrow();
        assertEquals("wap.old", c.apn().value());
        assertEquals("the first listed (none is marked for internet)", c.reason());
    }

    @Test
    void should_find_nothing_for_an_operator_the_database_lacks() {
        assertTrue(ApnSelection.select(HomeOperator.of(new Imsi("311660123456789"),
                new HomeNetwork(311, 660, "MetroPCS"), null), db).isEmpty());
    }

    @Test
    void should_look_up_the_home_operator_the_imsi_and_home_network_give() {
        HomeOperator o2 = HomeOperator.of(new Imsi("234101234567890"), new HomeNetwork(234, 10, "O2"), null);
        assertEquals(List.of(new OperatorId("234", "10")), o2.candidates());
        assertEquals("mobile.o2.co.uk", ApnSelection.select(o2, db).orElseThrow().apn().value());
        HomeOperator twin = HomeOperator.of(new Imsi("234100123456789"), new HomeNetwork(234, 100, "x"), null);
        assertEquals("twin.example", ApnSelection.select(twin, db).orElseThrow().apn().value());
    }
}
