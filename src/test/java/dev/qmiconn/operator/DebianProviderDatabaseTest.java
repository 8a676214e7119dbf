package dev.qmiconn.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Imsi;

/**
 * The real serviceproviders.xml of Debian 12's mobile-broadband-provider-info (20230416-1, installed by
 * bin/setup): the SIMs of the guides and of the emulator's scenarios. Skipped where the package is missing,
 * a failure with CI=true.
 */
class DebianProviderDatabaseTest {

    private static ProviderDatabase db;

    @BeforeAll
    static void read() {
        if (!Files.isRegularFile(ProviderDatabase.DEBIAN)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and " + ProviderDatabase.DEBIAN + " missing (bin/setup)");
            }
            Assumptions.abort("mobile-broadband-provider-info not installed (run bin/setup as root)");
        }
        db = ProviderDatabase.read(ProviderDatabase.DEBIAN);
    }

    private static ApnChoice choose(String imsi, int mcc, int mnc) {
        return ApnSelection.select(HomeOperator.of(new Imsi(imsi), new HomeNetwork(mcc, mnc, ""), null), db)
                .orElseThrow(() -> new AssertionError("no APN for " + imsi));
    }

    @Test
    void should_hold_the_whole_file() {
        assertTrue(db.providers().size() > 500, "providers: " + db.providers().size());
    }

    @Test
    void should_pick_t_mobile_us_internet_apn() {
        ApnChoice c = choose("310260123456789", 310, 260);
        assertEquals("T-Mobile", c.provider().name());
        assertEquals("fast.t-mobile.com", c.apn().value());
    }

    @Test
    void should_pick_att_whose_apns_serve_internet_among_other_uses() {
        ApnChoice c = choose("310410123456789", 310, 410);
        assertEquals("AT&T", c.provider().name());
        assertTrue(c.reason().startsWith("marked for internet among other uses"), c.reason());
    }

    @Test
    void should_pick_telekom_for_the_raw_ip_scenarios_sim_and_rogers_for_the_roaming_network() {
        assertEquals("T-Mobile(Telekom)", choose("262011234567890", 262, 1).provider().name());
        assertEquals("ca", choose("302720123456789", 302, 720).provider().country());
    }

    @Test
    void should_carry_the_user_and_password_o2_lists() {
        ApnChoice c = choose("234101234567890", 234, 10);
        assertEquals("mobile.o2.co.uk", c.apn().value());
        assertEquals("o2web", c.apn().username());
        assertEquals("password", c.apn().password());
    }

    @Test
    void should_not_know_metropcs_gsm_network() {
        assertTrue(ApnSelection.select(HomeOperator.of(new Imsi("311660123456789"),
                new HomeNetwork(311, 660, "MetroPCS"), null), db).isEmpty(), "MetroPCS is CDMA-only in 20230416");
    }
}
