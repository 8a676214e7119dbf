package dev.qmiconn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;

class ServiceClientTest {

    @Test
    void should_refuse_with_the_exit_code_the_table_names() {
        assertEquals(ExitCode.NO_PERMISSION.code(), ServiceClient.NO_PERMISSION);
    }

    @Test
    void should_forward_only_the_commands_the_service_answers_without_verbose_and_record() {
        assertEquals(List.of("status", "--json"), ServiceClient.served(new String[] {"-v", "status", "--json"}));
        assertEquals(List.of("up", "--device", "/dev/cdc-wdm1"),
                ServiceClient.served(new String[] {"up", "--device", "/dev/cdc-wdm1"}));
        assertNull(ServiceClient.served(new String[] {"watch", "--apn", "x"}));
        assertNull(ServiceClient.served(new String[] {"status", "--help"}));
        assertNull(ServiceClient.served(new String[] {"--record", "/tmp/r", "status"}));
        assertEquals("/run/x", ServiceClient.option(List.of("status", "--state-dir=/run/x"), "--state-dir", "/run"));
    }
}
