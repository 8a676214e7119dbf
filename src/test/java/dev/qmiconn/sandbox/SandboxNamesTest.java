package dev.qmiconn.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SandboxNamesTest {

    @Test
    void should_give_every_sandbox_its_own_prefix() {
        SandboxNames a = SandboxNames.random();
        assertNotEquals(a, SandboxNames.random());
        assertTrue(a.hostNamespace().matches("qc[0-9a-f]{8}-host"), a.hostNamespace());
        assertTrue(a.modemNamespace().matches("qc[0-9a-f]{8}-modem"), a.modemNamespace());
    }

    @Test
    void should_recognise_only_its_own_namespace_names() {
        assertEquals(Optional.of(new SandboxNames("qc0123abcd-")), SandboxNames.ofNamespace("qc0123abcd-modem"));
        assertEquals(Optional.empty(), SandboxNames.ofNamespace("host"));
        assertEquals(Optional.empty(), SandboxNames.ofNamespace("qc0123abcd-other"));
        assertEquals(Optional.empty(), SandboxNames.ofNamespace(""));
        assertThrows(IllegalArgumentException.class, () -> new SandboxNames("../etc"));
    }
}
