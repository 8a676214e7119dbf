package dev.qmiconn.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.ReplayingRunner;
import dev.qmiconn.process.Transcript;
import dev.qmiconn.qmi.model.ConnectionStatus;
import dev.qmiconn.qmi.model.LinkLayer;
import dev.qmiconn.qmi.model.OperatingMode;
import dev.qmiconn.qmi.model.StartedNetwork;
import dev.qmiconn.qmi.parse.QmicliParseException;

class QmiClientTest {

    private static final String DEV = "/dev/cdc-wdm0";
    private static final String STARTED = "[/dev/cdc-wdm0] Network started\n\tPacket data handle: '3634026241'\n"
            + "[/dev/cdc-wdm0] Client ID not released:\n\tService: 'wds'\n\t    CID: '12'\n";

    private final List<Transcript> script = new ArrayList<>();

    private void expect(int exit, String out, String err, String... argv) {
        script.add(Transcript.of(List.of(argv), exit, out, err));
    }

    private void expectVersion(String v) {
        expect(0, "qmicli " + v + "\nCopyright (C) 2012-2022 Aleksander Morgado\n", "", "qmicli", "--version");
    }

    private ReplayingRunner runner() {
        return new ReplayingRunner(script);
    }

    private static QmiClient client(ReplayingRunner r, boolean proxy) {
        return new QmiClient(r, DEV, proxy, Duration.ofSeconds(20));
    }

    @Test
    void should_pass_explicit_ip_type_on_libqmi_1_16_2() {
        expectVersion("1.16.2");
        expect(0, STARTED, "", "qmicli", "-d", DEV, "--wds-start-network=apn='fast.metropcs.com',ip-type=4",
                "--client-cid=9", "--client-no-release-cid");
        try (ReplayingRunner r = runner()) {
            StartedNetwork n = client(r, false).startNetwork(StartNetworkRequest.apn("fast.metropcs.com"), 9);
            assertEquals(new StartedNetwork(3634026241L, 12), n);
        }
    }

    @Test
    void should_send_no_ip_type_on_libqmi_1_32_2_unless_asked() {
        expectVersion("1.32.2");
        expect(0, STARTED, "", "qmicli", "-d", DEV, "-p", "--wds-start-network=apn='internet'",
                "--client-cid=9", "--client-no-release-cid");
        expect(0, STARTED, "", "qmicli", "-d", DEV, "-p", "--wds-start-network=apn='internet',ip-type=6",
                "--client-cid=9", "--client-no-release-cid");
        try (ReplayingRunner r = runner()) {
            QmiClient c = client(r, true);
            c.startNetwork(StartNetworkRequest.apn("internet"), 9);
            c.startNetwork(StartNetworkRequest.apn("internet").withIpType(6), 9);
        }
    }

    @Test
    void should_leave_ip_type_out_on_libqmi_1_16_0_and_refuse_ipv6_there() {
        expect(0, STARTED, "", "qmicli", "-d", DEV, "--wds-start-network=apn='internet'", "--client-cid=9",
                "--client-no-release-cid");
        try (ReplayingRunner r = runner()) {
            QmiClient c = new QmiClient(r, DEV, false, Duration.ofSeconds(20), LibqmiVersion.parseBare("1.16.0"));
            c.startNetwork(StartNetworkRequest.apn("internet").withIpType(4), 9);
            QmiConnException e = assertThrows(QmiConnException.class,
                    () -> c.startNetwork(StartNetworkRequest.apn("internet").withIpType(6), 9));
            assertEquals(ExitCode.LIBQMI_BROKEN, e.exitCode());
        }
    }

    @Test
    void should_carry_the_cid_of_a_failed_start_and_release_it_with_wds_noop() {
        expectVersion("1.32.2");
        expect(1, "[/dev/cdc-wdm0] Client ID not released:\n\tService: 'wds'\n\t    CID: '9'\n",
                "error: couldn't start network: QMI protocol error (14): 'CallFailed'\n"
                        + "call end reason (1): generic-unspecified\n",
                "qmicli", "-d", DEV, "--wds-start-network=apn='internet'", "--client-cid=9",
                "--client-no-release-cid");
        expect(0, "", "", "qmicli", "-d", DEV, "--wds-noop", "--client-cid=9");
        try (ReplayingRunner r = runner()) {
            QmiClient c = client(r, false);
            QmicliException e = assertThrows(QmicliException.class,
                    () -> c.startNetwork(StartNetworkRequest.apn("internet"), 9));
            assertEquals(ExitCode.CALL_FAILED, e.exitCode());
            c.releaseClient("wds", e.cid());
        }
    }

    @Test
    void should_stop_the_network_with_handle_and_cid() {
        expect(0, "[/dev/cdc-wdm0] Network stopped\n", "", "qmicli", "-d", DEV, "--wds-stop-network=3634026241",
                "--client-cid=12");
        try (ReplayingRunner r = runner()) {
            client(r, false).stopNetwork(3634026241L, 12);
        }
    }

    @Test
    void should_report_no_wda_as_empty_like_the_e397u_53() {
        expect(1, "", "error: couldn't create client for the 'wda' service: QMI protocol error (31): "
                + "'InvalidServiceType'\n", "qmicli", "-d", DEV, "--wda-get-data-format");
        expect(0, "[/dev/cdc-wdm0] Successfully got data format\n               Link layer protocol: '802-3'\n", "",
                "qmicli", "-d", DEV, "--wda-get-data-format");
        try (ReplayingRunner r = runner()) {
            QmiClient c = client(r, false);
            assertTrue(c.wdaDataFormat().isEmpty());
            assertEquals(LinkLayer.ETHERNET_802_3, c.wdaDataFormat().orElseThrow().linkLayer());
        }
    }

    @Test
    void should_build_the_argv_of_every_setter() {
        expect(0, "[/dev/cdc-wdm0] Operating mode set successfully\n", "", "qmicli", "-d", DEV,
                "--dms-set-operating-mode=online");
        expect(0, "[/dev/cdc-wdm0] PIN verified successfully\n", "", "qmicli", "-d", DEV, "--uim-verify-pin=PIN1,1234");
        expect(0, "[/dev/cdc-wdm0] expected data format set to: raw-ip\n", "", "qmicli", "-d", DEV,
                "--set-expected-data-format=raw-ip");
        expect(0, "[/dev/cdc-wdm0] Successfully set data format\n", "", "qmicli", "-d", DEV,
                "--wda-set-data-format=raw-ip");
        try (ReplayingRunner r = runner()) {
            QmiClient c = client(r, false);
            c.setOperatingMode(OperatingMode.ONLINE);
            c.verifyPin("1234");
            c.setExpectedDataFormat(LinkLayer.RAW_IP);
            c.wdaSetDataFormat(LinkLayer.RAW_IP);
        }
    }

    @Test
    void should_parse_getters_and_ask_the_version_once() {
        expectVersion("1.32.2");
        expect(0, "[/dev/cdc-wdm0] Connection status: 'connected'\n", "", "qmicli", "-d", DEV,
                "--wds-get-packet-service-status");
        expect(0, "raw-ip\n", "", "qmicli", "-d", DEV, "--get-expected-data-format");
        expect(0, "wwan0\n", "", "qmicli", "-d", DEV, "--get-wwan-iface");
        try (ReplayingRunner r = runner()) {
            QmiClient c = client(r, false);
            assertEquals("1.32.2", c.version().text());
            assertEquals("1.32.2", c.version().text());
            assertEquals(ConnectionStatus.CONNECTED, c.packetServiceStatus().status());
            assertEquals(LinkLayer.RAW_IP, c.expectedDataFormat());
            assertEquals("wwan0", c.wwanIface());
        }
    }

    @Test
    void should_fail_with_a_one_line_parse_error_on_unexpected_output() {
        expect(0, "something else\n", "", "qmicli", "-d", DEV, "--nas-get-serving-system");
        try (ReplayingRunner r = runner()) {
            QmicliParseException e = assertThrows(QmicliParseException.class, () -> client(r, false).servingSystem());
            assertEquals("cannot read qmicli --nas-get-serving-system output: no '[device] Successfully got serving "
                    + "system:' header (got 'something else')", e.getMessage());
        }
    }

    @Test
    void should_read_the_sims_iccid_and_imsi_from_the_recorded_emulator_output() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("test-fixtures", "qmicli", "1.32.2");
        expect(0, java.nio.file.Files.readString(root.resolve("dms-uim-get-iccid/emulator-e397u-53.out")), "",
                "qmicli", "-d", DEV, "--dms-uim-get-iccid");
        expect(0, java.nio.file.Files.readString(root.resolve("dms-uim-get-imsi/emulator-e397u-53.out")), "",
                "qmicli", "-d", DEV, "--dms-uim-get-imsi");
        expect(1, "", java.nio.file.Files.readString(root.resolve("dms-uim-get-imsi/emulator-pin-locked.err")),
                "qmicli", "-d", DEV, "--dms-uim-get-imsi");
        try (ReplayingRunner r = runner()) {
            QmiClient c = client(r, false);
            assertEquals("8901260842100012345", c.iccid().value());
            assertEquals("660", c.imsi().mnc(3));
            QmicliException locked = assertThrows(QmicliException.class, c::imsi);
            assertEquals(ExitCode.SIM_ERROR, locked.exitCode());
        }
    }
}
