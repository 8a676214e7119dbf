package dev.qmiconn.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small readers under the checks: dpkg's status file, version order, sysfs links, ifupdown's names. */
class ReadingTest {

    @TempDir
    Path dir;

    @Test
    void should_count_only_installed_packages_from_dpkg_status() {
        DebianPackages p = DebianPackages.parse("Package: usb-modeswitch\nStatus: deinstall ok config-files\n"
                + "Version: 2.5.0+repack0-1\n\nPackage: udhcpc\nStatus: install ok installed\n"
                + "Version: 1:1.35.0-4+deb12u1+b1\n");

        assertEquals(Optional.empty(), p.version("usb-modeswitch"));
        assertEquals("1.35.0", DebianPackages.upstream(p.version("udhcpc").orElseThrow()));
        assertEquals(Optional.empty(), DebianPackages.parse("").version("udhcpc"));
        assertEquals(Optional.empty(), DebianPackages.parse("garbage\n\0\n").version("garbage"));
    }

    @Test
    void should_order_versions_by_number_not_by_text() {
        assertTrue(Versions.compare("2.10.0", "2.5.0") > 0);
        assertTrue(Versions.atLeast("2.5", "2.5.0"));
        assertTrue(!Versions.atLeast("2.4.99", "2.5.0"));
    }

    @Test
    void should_call_the_usb_serial_option1_driver_option() {
        assertEquals("option", Hardware.serialDriver("option1"));
        assertEquals("GobiSerial", Hardware.serialDriver("GobiSerial"));
    }

    @Test
    void should_resolve_relative_links_inside_the_root_and_never_outside_it() throws IOException {
        SystemRoot sys = new SystemRoot(DoctorRun.TREES.resolve("e397u53-modem"));

        assertEquals(Optional.of("qmi_wwan"), sys.linkName("/sys/class/usbmisc/cdc-wdm0/device/driver"));
        assertEquals(Optional.of("/sys/devices/platform/soc/3f980000.usb/usb1/1-1/1-1.3/1-1.3:1.1"),
                sys.realPath("/sys/class/usbmisc/cdc-wdm0/device"));
        Files.createSymbolicLink(dir.resolve("escape"), Path.of("/etc"));
        assertEquals(Optional.empty(), new SystemRoot(dir).realPath("/escape"));
    }

    @Test
    void should_accept_the_relative_source_directory_form_and_skip_dotted_names() throws IOException {
        Path root = DoctorRun.copyTree("e397u53-storage", dir);
        Files.writeString(root.resolve("etc/network/interfaces"), "  source-directory   interfaces.d\n");

        DoctorRun run = DoctorRun.run(java.util.List.of(DoctorRun.version("1.16.2")), "--json", "--root",
                root.toString());

        assertEquals("warn", run.finding("interfaces-source").get("result").asText());
    }
}
