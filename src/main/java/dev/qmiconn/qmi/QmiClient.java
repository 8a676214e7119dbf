package dev.qmiconn.qmi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.CurrentSettings;
import dev.qmiconn.qmi.model.DataFormat;
import dev.qmiconn.qmi.model.DeviceIds;
import dev.qmiconn.qmi.model.HomeNetwork;
import dev.qmiconn.qmi.model.Iccid;
import dev.qmiconn.qmi.model.Imsi;
import dev.qmiconn.qmi.model.LinkLayer;
import dev.qmiconn.qmi.model.OperatingMode;
import dev.qmiconn.qmi.model.OperatingModeStatus;
import dev.qmiconn.qmi.model.PacketServiceStatus;
import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;
import dev.qmiconn.qmi.model.StartedNetwork;
import dev.qmiconn.qmi.parse.AckParsers;
import dev.qmiconn.qmi.parse.CtlParsers;
import dev.qmiconn.qmi.parse.DmsParsers;
import dev.qmiconn.qmi.parse.NasParsers;
import dev.qmiconn.qmi.parse.UimParsers;
import dev.qmiconn.qmi.parse.WdaParsers;
import dev.qmiconn.qmi.parse.WdsParsers;

/**
 * The one way qmi-conn talks to the modem: each method runs {@code qmicli -d DEVICE [-p] ACTION} through the
 * {@link CommandRunner}, turns a failure into a {@link QmicliException} and parses success with a pure parser.
 * The libqmi version is asked once ({@code qmicli --version}, the first call a fresh client makes before a
 * start) unless given to the constructor; {@link #startNetwork} applies the {@link VersionPolicy}.
 */
public final class QmiClient {

    private final QmicliCalls calls;

    public QmiClient(CommandRunner runner, String device, boolean useProxy, Duration timeout) {
        this(runner, device, useProxy, timeout, null);
    }

    /** With a version already known (e.g. from an earlier {@link #version()}); null asks qmicli when needed. */
    public QmiClient(CommandRunner runner, String device, boolean useProxy, Duration timeout, LibqmiVersion known) {
        this(new QmicliCalls(runner, new QmicliArgv(device, useProxy, Map.of()), timeout, known, false));
    }

    private QmiClient(QmicliCalls calls) {
        this.calls = calls;
    }

    /**
     * The same client, but every action of a service in {@code kept} (service word to client id) runs on that
     * id with {@code --client-cid=N --client-no-release-cid}: no allocate/release round trip per query, and
     * nothing to leak when a query is killed. A kept id the modem forgot fails with InvalidClientId (the service
     * renews its ids on that).
     */
    public QmiClient keeping(Map<String, Integer> kept) {
        return new QmiClient(calls.keeping(kept, false));
    }

    /**
     * As {@link #keeping}, but a query the modem answers InvalidClientId for (it was reset, or a CTL sync freed
     * every id since {@code up} kept them) is asked again on a fresh id: for {@code status}, which only looks.
     */
    public QmiClient keepingOrFresh(Map<String, Integer> kept) {
        return new QmiClient(calls.keeping(kept, true));
    }

    /** This client, but a kept id the modem has forgotten is asked again on a fresh one (as {@link #keepingOrFresh}). */
    public QmiClient orFresh() {
        return new QmiClient(calls.orFresh());
    }

    /** {@code qmicli --version} (no device needed); cached. */
    public LibqmiVersion version() {
        return calls.version();
    }

    public VersionPolicy policy() {
        return VersionPolicy.of(version());
    }

    public OperatingMode operatingMode() {
        return operatingModeStatus().mode();
    }

    public OperatingModeStatus operatingModeStatus() {
        return call(DmsParsers::operatingMode, "--dms-get-operating-mode");
    }

    public void setOperatingMode(OperatingMode mode) {
        call(AckParsers::setOperatingMode, "--dms-set-operating-mode=" + mode.qmicli());
    }

    public CardStatus cardStatus() {
        return call(UimParsers::cardStatus, "--uim-get-card-status");
    }

    /** {@code --uim-verify-pin=PIN1,NNNN}; a wrong PIN is a {@link QmicliException} with exit SIM_ERROR. */
    public void verifyPin(String pin) {
        call(AckParsers::verifyPin, "--uim-verify-pin=PIN1," + pin);
    }

    public SignalStrength signalStrength() {
        return call(NasParsers::signalStrength, "--nas-get-signal-strength");
    }

    /** {@code --dms-get-ids}: the modem's IMEI (and ESN/MEID on CDMA modems). */
    public DeviceIds deviceIds() {
        return call(DmsParsers::ids, "--dms-get-ids");
    }

    /**
     * {@code --dms-uim-get-iccid}: the SIM card's serial number, readable before the PIN is verified. Stable
     * for a card across modems and reboots, so a good key for anything kept per SIM.
     */
    public Iccid iccid() {
        return call(DmsParsers::iccid, "--dms-uim-get-iccid");
    }

    /** {@code --dms-uim-get-imsi}: the subscriber identity; most cards refuse it until PIN1 is verified. */
    public Imsi imsi() {
        return call(DmsParsers::imsi, "--dms-uim-get-imsi");
    }

    /** {@code --nas-get-home-network}: the SIM's home PLMN (MCC, MNC as numbers, name). */
    public HomeNetwork homeNetwork() {
        return call(NasParsers::homeNetwork, "--nas-get-home-network");
    }

    public ServingSystem servingSystem() {
        return call(NasParsers::servingSystem, "--nas-get-serving-system");
    }

    /** A query's answer and the new client id it was asked on, left allocated (null if none was printed). */
    public record Kept<T>(T answer, Integer cid) {
    }

    /** The serving system on a new NAS id kept afterwards: allocate and ask in one qmicli run (id printed last). */
    public Kept<ServingSystem> servingSystemOnNewId() {
        return call(out -> new Kept<>(NasParsers.servingSystem(out), WdsParsers.releasedCid(out).orElse(null)),
                "--nas-get-serving-system", "--client-no-release-cid");
    }

    /**
     * Starts the data call on a WDS client id allocated (and recorded) beforehand, so a kill while the modem
     * thinks never leaves an id nobody knows: {@code --wds-start-network=... --client-cid=N --client-no-release-cid};
     * the request as this libqmi can send it ({@link StartNetworkRequest#adaptedTo}). A failure throws
     * {@link QmicliException} whose {@code cid()} is the client id to release.
     */
    public StartedNetwork startNetwork(StartNetworkRequest req, int cid) {
        return call(WdsParsers::startNetwork, "--wds-start-network=" + req.adaptedTo(policy()).render(),
                "--client-cid=" + cid, "--client-no-release-cid");
    }

    /**
     * Allocates a client id of {@code service} and keeps it: {@code --SERVICE-noop --client-no-release-cid}
     * prints {@code Client ID not released: Service: 'wds' CID: 'N'} (every libqmi from 1.16 on).
     */
    public int allocateClient(String service) {
        Integer cid = call(AckParsers::noop, "--" + checkedService(service) + "-noop", "--client-no-release-cid")
                .cidNotReleased();
        if (cid == null) {
            throw new QmiConnException(ExitCode.MODEM_ERROR, "qmicli --" + service
                    + "-noop --client-no-release-cid printed no client id");
        }
        return cid;
    }

    /** Releases a kept client id: {@code --SERVICE-noop --client-cid=N} (no --client-no-release-cid). */
    public void releaseClient(String service, int cid) {
        call(AckParsers::noop, "--" + checkedService(service) + "-noop", "--client-cid=" + cid);
    }

    private static String checkedService(String service) {
        if (!java.util.Set.of("wds", "nas", "uim", "dms", "wda").contains(service)) {
            throw new IllegalArgumentException("not a QMI service qmi-conn keeps ids of: " + service);
        }
        return service;
    }

    /** {@code --wds-stop-network=PDH --client-cid=CID}; without --client-no-release-cid this releases the CID. */
    public void stopNetwork(long packetDataHandle, int cid) {
        call(AckParsers::stopNetwork, "--wds-stop-network=" + packetDataHandle, "--client-cid=" + cid);
    }

    /**
     * {@code --wds-stop-network=PDH --client-cid=CID --client-no-release-cid}: the call ends, the id stays
     * allocated for the next start (the service's own down, {@code dev.qmiconn.connect.ParkedWdsId}).
     */
    public void stopNetworkKeepingId(long packetDataHandle, int cid) {
        call(AckParsers::stopNetwork, "--wds-stop-network=" + packetDataHandle, "--client-cid=" + cid,
                "--client-no-release-cid");
    }

    /**
     * CTL Sync on open ({@code --device-open-sync}; qmicli has no {@code --sync}, that is uqmi's), with a DMS
     * no-op as the action qmicli needs: the modem releases every client id of every program, which also ends a
     * data session whose id was lost. The recovery for leaked ids when nothing else shares the modem.
     */
    public void sync() {
        call(AckParsers::noop, syncAction());
    }

    /** The whole argv of {@link #sync}, for telling a user what to run by hand. */
    public List<String> syncArgv() {
        return argv(syncAction());
    }

    private static String[] syncAction() {
        return new String[] {"--device-open-sync", "--dms-noop"};
    }

    public PacketServiceStatus packetServiceStatus() {
        return call(WdsParsers::packetServiceStatus, "--wds-get-packet-service-status");
    }

    /**
     * The same queries on the WDS client id a start kept ({@code --client-cid=N --client-no-release-cid}):
     * no allocate/release round trip, so a poll every few seconds can neither leak nor exhaust client ids.
     */
    public PacketServiceStatus packetServiceStatus(int keptCid) {
        return call(WdsParsers::packetServiceStatus, "--wds-get-packet-service-status", "--client-cid=" + keptCid,
                "--client-no-release-cid");
    }

    public PacketStatistics packetStatistics(int keptCid) {
        return call(WdsParsers::packetStatistics, "--wds-get-packet-statistics", "--client-cid=" + keptCid,
                "--client-no-release-cid");
    }

    public CurrentSettings currentSettings() {
        return call(WdsParsers::currentSettings, "--wds-get-current-settings");
    }

    /**
     * The settings of the call on a kept client: a modem answers Get Current Settings for the IP family the
     * client is bound to (IPv4 unless {@link #setIpFamily}), so IPv6 settings come from the IPv6 client.
     */
    public CurrentSettings currentSettings(int keptCid) {
        return call(WdsParsers::currentSettings, "--wds-get-current-settings", "--client-cid=" + keptCid,
                "--client-no-release-cid");
    }

    /**
     * {@code --wds-set-ip-family=4|6 --client-cid=N --client-no-release-cid}: binds a kept WDS client to one IP
     * family, as ModemManager and uqmi do for each client of a dual-stack call. qmicli (1.32.2, checked against
     * the emulator) prints nothing but the kept client's {@code Client ID not released} block.
     */
    public void setIpFamily(int keptCid, int family) {
        if (family != 4 && family != 6) {
            throw new IllegalArgumentException("IP family " + family);
        }
        call(AckParsers::noop, "--wds-set-ip-family=" + family, "--client-cid=" + keptCid, "--client-no-release-cid");
    }

    public PacketStatistics packetStatistics() {
        return call(WdsParsers::packetStatistics, "--wds-get-packet-statistics");
    }

    /** Empty when the modem has no WDA service (InvalidServiceType), like the Huawei E397u-53. */
    public Optional<DataFormat> wdaDataFormat() {
        try {
            return Optional.of(call(WdaParsers::dataFormat, "--wda-get-data-format"));
        } catch (QmicliException e) {
            if (e.kind() == QmicliFailure.Kind.SERVICE_UNSUPPORTED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code --wda-set-data-format=raw-ip} (the bare form works from 1.14 to 1.32). */
    public void wdaSetDataFormat(LinkLayer linkLayer) {
        call(AckParsers::wdaSetDataFormat, "--wda-set-data-format=" + linkLayer.qmicli());
    }

    /** What the kernel's qmi_wwan expects ({@code /sys/class/net/IFACE/qmi/raw_ip}). */
    public LinkLayer expectedDataFormat() {
        return call(CtlParsers::expectedDataFormat, "--get-expected-data-format");
    }

    /** Needs the interface down on the kernel side ("Device or resource busy" otherwise). */
    public void setExpectedDataFormat(LinkLayer linkLayer) {
        call(AckParsers::setExpectedDataFormat, "--set-expected-data-format=" + linkLayer.qmicli());
    }

    public String wwanIface() {
        return call(CtlParsers::wwanIface, "--get-wwan-iface");
    }

    /** The argv for an action: {@code qmicli -d DEVICE [-p] ACTION...}. */
    public List<String> argv(String... action) {
        return calls.argv(action);
    }

    private <T> T call(Function<String, T> parser, String... action) {
        return calls.call(parser, action);
    }
}
