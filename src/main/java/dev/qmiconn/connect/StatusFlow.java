package dev.qmiconn.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.dns.Dns;
import dev.qmiconn.dns.DnsRecord;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.VersionPolicy;
import dev.qmiconn.qmi.VersionVerdict;
import dev.qmiconn.qmi.model.CardStatus;
import dev.qmiconn.qmi.model.ConnectionStatus;
import dev.qmiconn.qmi.model.CurrentSettings;
import dev.qmiconn.qmi.model.PacketServiceStatus;
import dev.qmiconn.qmi.model.PacketStatistics;
import dev.qmiconn.qmi.model.RadioInterface;
import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.qmi.model.ServingSystem;
import dev.qmiconn.qmi.model.SignalStrength;
import dev.qmiconn.qmi.model.SignalValue;

/**
 * {@code qmi-conn status}: one look at everything, with as few qmicli runs as it takes. With {@code up}'s state
 * file: no {@code --version} (cached there), the WDS queries reuse the saved client id
 * ({@code --client-cid=N --client-no-release-cid}: no allocate/release round trip) and IP settings come from the
 * state (what was applied). So a connected modem costs five qmicli runs: card status, serving system, signal,
 * packet service status, packet statistics; the first status after a plug-in two more for the IMEI and ICCID
 * ({@link ModemIds} keeps them). A query that fails leaves its section null and adds to errors.
 */
public final class StatusFlow {

    private final CommandRunner runner;
    private final Pacer pacer;
    private final Predicate<Path> deviceExists;
    private final boolean askIds;

    public StatusFlow(CommandRunner runner, Pacer pacer) {
        this(runner, pacer, Files::exists, true);
    }

    public StatusFlow(CommandRunner runner, Pacer pacer, Predicate<Path> deviceExists) {
        this(runner, pacer, deviceExists, false);
    }

    /** {@code askIds}: also show the IMEI and ICCID ({@link ModemIds}: two qmicli runs once per plug-in). */
    public StatusFlow(CommandRunner runner, Pacer pacer, Predicate<Path> deviceExists, boolean askIds) {
        this.runner = runner;
        this.pacer = pacer;
        this.deviceExists = deviceExists;
        this.askIds = askIds;
    }

    public StatusReport run(String device, boolean proxy, Paths paths) {
        if (!deviceExists.test(Path.of(device))) {
            throw new QmiConnException(ExitCode.DEVICE_MISSING, device + " does not exist: is the modem plugged in?");
        }
        String name = Paths.deviceName(device);
        List<String> damage = new ArrayList<>();
        Optional<SessionState> state;
        try {
            state = new StateStore(paths.stateFile(name)).read();
        } catch (StateStore.DamagedStateException e) {
            damage.add(e.getMessage()); // status only looks: up and down are the ones that recover
            state = Optional.empty();
        }
        QmiClient qmi = UpFlow.clientFor(runner, device, proxy, state);
        Parts parts = gather(qmi.keepingOrFresh(KeptQueryIds.of(state)), state);
        if (!damage.isEmpty()) {
            damage.addAll(parts.errors());
            parts = new Parts(parts.libqmi(), parts.card(), parts.servingSystem(), parts.signal(),
                    parts.packetService(), parts.statistics(), parts.currentSettings(), damage);
        }
        StatusReport.Ids ids = !askIds ? null
                : ModemIds.lookup(qmi, Path.of(device), ModemIds.cacheFile(paths, name));
        return assemble(device, paths, state, parts, ids);
    }

    /**
     * What the modem says, one query each; a query that fails leaves its part null and adds to {@code errors}.
     * The service keeps these parts up to date itself and assembles a report from them without asking again.
     */
    public record Parts(StatusReport.Libqmi libqmi, CardStatus card, ServingSystem servingSystem,
                        SignalStrength signal, PacketServiceStatus packetService, PacketStatistics statistics,
                        CurrentSettings currentSettings, List<String> errors) {
        public Parts {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public boolean connected() {
            return packetService != null && packetService.status() == ConnectionStatus.CONNECTED;
        }
    }

    /** Asks the modem (on the session's kept WDS id when there is one). */
    public static Parts gather(QmiClient qmi, Optional<SessionState> state) {
        List<String> errors = new ArrayList<>();
        Optional<DataSession> wds = state.flatMap(s -> s.sessions().stream().findFirst());
        StatusReport.Libqmi libqmi = attempt(errors, () -> libqmi(qmi));
        CardStatus card = attempt(errors, qmi::cardStatus);
        ServingSystem ss = attempt(errors, qmi::servingSystem);
        SignalStrength sig = attempt(errors, qmi::signalStrength);
        PacketServiceStatus pss = attempt(errors, () -> wds.isPresent()
                ? qmi.packetServiceStatus(wds.get().cid())
                : qmi.packetServiceStatus());
        boolean connected = pss != null && pss.status() == ConnectionStatus.CONNECTED;
        PacketStatistics stats = !connected ? null : attempt(errors, () -> wds.isPresent()
                ? qmi.packetStatistics(wds.get().cid())
                : qmi.packetStatistics());
        boolean applied = state.isPresent() && state.get().addressing() != null;
        CurrentSettings cs = connected && !applied ? attempt(errors, qmi::currentSettings) : null;
        return new Parts(libqmi, card, ss, sig, pss, stats, cs, errors);
    }

    public static StatusReport.Libqmi libqmi(QmiClient qmi) {
        VersionVerdict v = VersionPolicy.of(qmi.version()).verdict();
        return new StatusReport.Libqmi(v.version().text(), v.severity().name().toLowerCase(java.util.Locale.ROOT),
                v.oneLine());
    }

    /** The report for {@code parts}: IP settings from what {@code up} applied, else from the modem. */
    public StatusReport assemble(String device, Paths paths, Optional<SessionState> state, Parts parts,
                                 StatusReport.Ids ids) {
        String name = Paths.deviceName(device);
        boolean connected = parts.connected();
        StatusReport.Ip ip = null;
        if (connected && state.isPresent() && state.get().addressing() != null) {
            SessionState.Addressing a = state.get().addressing();
            Optional<DnsRecord> held = Dns.held(paths.stateDir(), name);
            ip = new StatusReport.Ip(a.source(), a.address(), a.prefix(), a.gateway(), a.dns(), a.mtu(),
                    a.ipv6Address(), a.ipv6Prefix(), held.map(DnsRecord::backend).orElse(null),
                    held.map(DnsRecord::heldBy).orElse(null));
        } else if (connected && parts.currentSettings() != null) {
            CurrentSettings cs = parts.currentSettings();
            ip = new StatusReport.Ip("modem", cs.ipv4Address(), cs.ipv4Prefix() != null ? cs.ipv4Prefix()
                    : cs.ipv4SubnetMask() == null ? null : Ipv4.prefixOf(cs.ipv4SubnetMask()),
                    cs.ipv4Gateway(), cs.ipv4Dns(), cs.mtu(), cs.ipv6Address(), cs.ipv6Prefix());
        }
        ServingSystem ss = parts.servingSystem();
        PacketServiceStatus pss = parts.packetService();
        boolean lte = ss != null && ss.radioInterfaces().contains(RadioInterface.LTE);
        LedState word = LedState.of(ss == null ? RegistrationState.UNKNOWN : ss.registration(), connected);
        return new StatusReport(device, state.map(SessionState::iface).orElseGet(() ->
                new Sysfs(paths.sysfsRoot()).ifaceOf(name).orElse(null)), word.word(), lte, word.led(lte),
                pss == null ? "unknown" : pss.status().qmicli(), parts.libqmi(), ids, sim(parts.card()),
                registration(ss), signal(parts.signal()), ip, packets(parts.statistics()),
                session(state.orElse(null), connected), parts.errors());
    }

    private static <T> T attempt(List<String> errors, Supplier<T> query) {
        try {
            return query.get();
        } catch (QmiConnException e) {
            if (e.exitCode() == ExitCode.TOOL_MISSING) {
                throw e;
            }
            errors.add(e.getMessage());
            return null;
        }
    }

    private static StatusReport.Sim sim(CardStatus c) {
        return c == null ? null : new StatusReport.Sim(c.cardPresent(), c.pin1State().qmicli(), c.pin1Retries(),
                c.puk1Retries());
    }

    private static StatusReport.Registration registration(ServingSystem ss) {
        if (ss == null) {
            return null;
        }
        return new StatusReport.Registration(ss.registration().qmicli(),
                ss.radioInterfaces().stream().map(RadioInterface::qmicli).toList(),
                ss.plmn() == null ? null : ss.plmn().mcc(), ss.plmn() == null ? null : ss.plmn().mnc(),
                ss.plmn() == null ? null : ss.plmn().description(), ss.roaming(),
                ss.ps() == null ? null : ss.ps() == dev.qmiconn.qmi.model.AttachState.ATTACHED);
    }

    private static StatusReport.SignalView signal(SignalStrength s) {
        if (s == null) {
            return null;
        }
        return new StatusReport.SignalView(s.current() == null ? null : s.current().network().qmicli(),
                s.current() == null ? null : s.current().value(), value(s.rsrp()), value(s.rsrq()), value(s.snr()),
                Signal.bars(s));
    }

    private static Double value(SignalValue v) {
        return v == null ? null : v.value();
    }

    private static StatusReport.Packets packets(PacketStatistics p) {
        return p == null ? null : new StatusReport.Packets(p.txPacketsOk(), p.rxPacketsOk(), p.txBytesOk(),
                p.rxBytesOk(), p.txPacketsError(), p.rxPacketsError(), p.txPacketsDropped(), p.rxPacketsDropped());
    }

    private StatusReport.Session session(SessionState s, boolean connected) {
        if (s == null) {
            return null;
        }
        Instant started = Instant.ofEpochSecond(s.startedAtEpochSecond());
        Long uptime = connected && s.startedAtEpochSecond() > 0
                ? Math.max(0, Duration.between(started, pacer.now()).getSeconds()) : null;
        return new StatusReport.Session(s.backend(), s.sessions().stream().map(DataSession::cid).toList(),
                s.sessions().stream().map(DataSession::packetDataHandle).toList(), started.toString(), uptime);
    }
}
