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
        List<String> errors = new ArrayList<>();
        Optional<SessionState> state;
        try {
            state = new StateStore(paths.stateFile(name)).read();
        } catch (StateStore.DamagedStateException e) {
            errors.add(e.getMessage()); // status only looks: up and down are the ones that recover
            state = Optional.empty();
        }
        QmiClient qmi = UpFlow.clientFor(runner, device, proxy, state);
        Optional<DataSession> wds = state.flatMap(s -> s.sessions().stream().findFirst());

        StatusReport.Libqmi libqmi = attempt(errors, () -> {
            VersionVerdict v = VersionPolicy.of(qmi.version()).verdict();
            return new StatusReport.Libqmi(v.version().text(), v.severity().name().toLowerCase(java.util.Locale.ROOT),
                    v.oneLine());
        });
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
        StatusReport.Ip ip = null;
        if (connected && state.isPresent() && state.get().addressing() != null) {
            SessionState.Addressing a = state.get().addressing();
            Optional<DnsRecord> held = Dns.held(paths.stateDir(), name);
            ip = new StatusReport.Ip(a.source(), a.address(), a.prefix(), a.gateway(), a.dns(), a.mtu(),
                    a.ipv6Address(), a.ipv6Prefix(), held.map(DnsRecord::backend).orElse(null),
                    held.map(DnsRecord::heldBy).orElse(null));
        } else if (connected) {
            CurrentSettings cs = attempt(errors, qmi::currentSettings);
            if (cs != null) {
                ip = new StatusReport.Ip("modem", cs.ipv4Address(), cs.ipv4Prefix() != null ? cs.ipv4Prefix()
                        : cs.ipv4SubnetMask() == null ? null : Ipv4.prefixOf(cs.ipv4SubnetMask()),
                        cs.ipv4Gateway(), cs.ipv4Dns(), cs.mtu(), cs.ipv6Address(), cs.ipv6Prefix());
            }
        }

        StatusReport.Ids ids = !askIds ? null
                : ModemIds.lookup(qmi, Path.of(device), paths.stateDir().resolve(name + ".ids"));
        boolean lte = ss != null && ss.radioInterfaces().contains(RadioInterface.LTE);
        LedState word = LedState.of(ss == null ? RegistrationState.UNKNOWN : ss.registration(), connected);
        return new StatusReport(device, state.map(SessionState::iface).orElseGet(() ->
                new Sysfs(paths.sysfsRoot()).ifaceOf(name).orElse(null)), word.word(), lte, word.led(lte),
                pss == null ? "unknown" : pss.status().qmicli(), libqmi, ids, sim(card), registration(ss), signal(sig),
                ip, packets(stats), session(state.orElse(null), connected), List.copyOf(errors));
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
