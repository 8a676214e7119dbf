package dev.qmiconn.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Imsi;
import dev.qmiconn.qmi.model.Plmn;

class HomeOperatorTest {

    private static OperatorId id(String mcc, String mnc) {
        return new OperatorId(mcc, mnc);
    }

    @Test
    void should_take_three_digits_when_the_home_network_says_660() {
        HomeOperator h = HomeOperator.of(new Imsi("311660123456789"), new HomeNetwork(311, 660, "MetroPCS"), null);
        assertEquals(List.of(id("311", "660")), h.candidates());
        assertEquals("3-digit MNC: the home network says 660", h.how());
    }

    @Test
    void should_keep_the_leading_zero_qmicli_drops() {
        // qmicli prints MNC 01 as '1'
        assertEquals(List.of(id("262", "01")),
                HomeOperator.of(new Imsi("262011234567890"), new HomeNetwork(262, 1, "Telekom.de"), null).candidates());
        // 310/030 prints as '30': 3 digits, since 2 digits would be 03
        assertEquals(List.of(id("310", "030")),
                HomeOperator.of(new Imsi("310030123456789"), new HomeNetwork(310, 30, ""), null).candidates());
        // the same IMSI digits with a modem saying 3: a 2-digit 03
        assertEquals(List.of(id("310", "03")),
                HomeOperator.of(new Imsi("310030123456789"), new HomeNetwork(310, 3, ""), null).candidates());
    }

    @Test
    void should_use_the_serving_network_at_home_when_the_home_network_is_unreadable() {
        HomeOperator h = HomeOperator.of(new Imsi("234101234567890"), null, new Plmn("234", "10", "O2 - UK"));
        assertEquals(List.of(id("234", "10")), h.candidates());
        assertEquals("2-digit MNC: the serving network says 10", h.how());
    }

    @Test
    void should_ignore_a_home_network_of_another_country_and_try_both_lengths() {
        HomeOperator eu = HomeOperator.of(new Imsi("262011234567890"), new HomeNetwork(310, 260, "x"), null);
        assertEquals(List.of(id("262", "01"), id("262", "011")), eu.candidates());
        HomeOperator us = HomeOperator.of(new Imsi("310260123456789"), null, null);
        assertEquals(List.of(id("310", "260"), id("310", "26")), us.candidates());
        assertEquals("310/260 or 310/26", us.describe());
    }

    @Test
    void should_try_two_digits_first_when_both_lengths_fit_the_number() {
        HomeOperator h = HomeOperator.of(new Imsi("001000123456789"), new HomeNetwork(1, 0, "Test"), null);
        assertEquals(List.of(id("001", "00"), id("001", "000")), h.candidates());
    }
}
