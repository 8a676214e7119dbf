package dev.qmiconn.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

class ProviderDatabaseTest {

    static final Path SMALL = Path.of("test-fixtures", "providers", "serviceproviders-small.xml");

    @Test
    void should_read_gsm_providers_with_their_ids_and_apns_and_skip_cdma_only_ones() {
        ProviderDatabase db = ProviderDatabase.read(SMALL);
        assertEquals(List.of("AT&T", "Straight Talk", "Old Carrier", "O2", "Three-digit twin"),
                db.providers().stream().map(Provider::name).toList());
        Provider o2 = db.providersFor(new OperatorId("234", "10")).get(0);
        assertEquals("gb", o2.country());
        assertEquals(new Provider.Apn("mobile.o2.co.uk", "internet", "Contract", "o2web", "password", "pap"),
                o2.apns().get(1));
        assertEquals(List.of("AT&T", "Straight Talk"),
                db.providersFor(new OperatorId("310", "410")).stream().map(Provider::name).toList());
    }

    @Test
    void should_tell_a_two_digit_mnc_from_its_three_digit_twin() {
        ProviderDatabase db = ProviderDatabase.read(SMALL);
        assertEquals("O2", db.providersFor(new OperatorId("234", "10")).get(0).name());
        assertEquals("Three-digit twin", db.providersFor(new OperatorId("234", "100")).get(0).name());
        assertTrue(db.providersFor(new OperatorId("234", "010")).isEmpty());
    }

    @Test
    void should_never_resolve_an_external_entity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE serviceproviders [<!ENTITY leak SYSTEM \""
                + secret.toUri() + "\">]>\n<serviceproviders format=\"2.0\"><country code=\"xx\"><provider>"
                + "<name>Evil</name><gsm><network-id mcc=\"001\" mnc=\"01\"/><apn value=\"x\"><username>&leak;"
                + "</username></apn></gsm></provider></country></serviceproviders>";
        ProviderDatabase db;
        try {
            db = ProviderDatabase.parse(xml, "evil.xml");
        } catch (QmiConnException refused) {
            assertFalse(refused.getMessage().contains("root:x"), refused.getMessage());
            return; // refusing the document is as good as not resolving
        }
        Provider.Apn apn = db.providersFor(new OperatorId("001", "01")).get(0).apns().get(0);
        assertTrue(apn.username() == null || !apn.username().contains("root"), apn.toString());
    }

    @Test
    void should_not_fetch_the_dtd_the_file_names() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE serviceproviders SYSTEM \"http://192.0.2.1/never.dtd\">\n"
                + "<serviceproviders format=\"2.0\"/>";
        long t0 = System.nanoTime();
        assertTrue(ProviderDatabase.parse(xml, "remote-dtd.xml").providers().isEmpty());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "a DTD fetch would hang on 192.0.2.1");
    }

    @Test
    void should_fail_in_one_line_on_broken_xml_and_name_a_missing_file(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<serviceproviders><country>\n</provider>");
        QmiConnException bad = assertThrows(QmiConnException.class, () -> ProviderDatabase.read(broken));
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode());
        assertTrue(bad.getMessage().contains("not valid XML (line 2)"), bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"));

        Path other = Files.writeString(dir.resolve("other.xml"), "<html/>");
        assertEquals(ExitCode.BAD_INPUT, assertThrows(QmiConnException.class,
                () -> ProviderDatabase.read(other)).exitCode());

        QmiConnException missing = assertThrows(QmiConnException.class,
                () -> ProviderDatabase.read(dir.resolve("none.xml")));
        assertEquals(ExitCode.TOOL_MISSING, missing.exitCode());
        assertTrue(missing.getMessage().contains("apt install mobile-broadband-provider-info"), missing.getMessage());
    }
}
