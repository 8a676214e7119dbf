package dev.qmiconn.telemetry.prometheus;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.qmiconn.qmi.model.RegistrationState;
import dev.qmiconn.telemetry.LinkState;
import dev.qmiconn.telemetry.ReconnectReason;
import dev.qmiconn.telemetry.TelemetrySnapshot;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The metrics (docs/TELEMETRY.md lists them; a test keeps the two equal). Every one is a callback reading the
 * latest snapshot when scraped, so publishing is one reference swap and a scrape never sees half an update.
 * Each carries the labels {@code device}, {@code sim} and {@code operator}; a value the modem did not report
 * is left out rather than exposed as 0.
 */
public final class QmiConnMetrics {

    static final String[] LABELS = {"device", "sim", "operator"};
    /** Error texts become a label value: cut so one odd message cannot bloat every scrape. */
    static final int ERROR_LABEL_MAX = 120;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Supplier<TelemetrySnapshot> latest;

    public QmiConnMetrics(Supplier<TelemetrySnapshot> latest) {
        this.latest = latest;
        gauge("qmiconn_connected", "1 while the data session is up, else 0", s -> s.connected() ? 1.0 : 0.0);
        stateGauges();
        gauge("qmiconn_signal_rssi_dbm", "Received signal strength (RSSI), dBm", s -> s.signal().rssiDbm());
        gauge("qmiconn_signal_rsrp_dbm", "LTE reference signal received power (RSRP), dBm",
                s -> s.signal().rsrpDbm());
        gauge("qmiconn_signal_rsrq_db", "LTE reference signal received quality (RSRQ), dB",
                s -> s.signal().rsrqDb());
        gauge("qmiconn_signal_snr_db", "Signal to noise ratio (LTE SNR or SINR), dB", s -> s.signal().snrDb());
        counter("qmiconn_session_transmit_bytes", "Bytes sent in the current session (the modem's counter; 0 at"
                + " each new session)", s -> asDouble(s.traffic().txBytes()));
        counter("qmiconn_session_receive_bytes", "Bytes received in the current session",
                s -> asDouble(s.traffic().rxBytes()));
        counter("qmiconn_session_transmit_packets", "Packets sent in the current session",
                s -> asDouble(s.traffic().txPackets()));
        counter("qmiconn_session_receive_packets", "Packets received in the current session",
                s -> asDouble(s.traffic().rxPackets()));
        gauge("qmiconn_session_uptime_seconds", "Seconds since the current data session came up (0: none)",
                s -> (double) s.sessionUptime().toSeconds());
        reconnects();
        gauge("qmiconn_usage_bytes", "Bytes used in the current billing period", s -> s.usage() == null ? null
                : (double) s.usage().usedBytes());
        gauge("qmiconn_usage_cap_bytes", "The data cap of the billing period, bytes",
                s -> s.usage() == null ? null : asDouble(s.usage().capBytes()));
        gauge("qmiconn_usage_period_end_timestamp_seconds", "Start of the day the billing period ends (UTC), Unix"
                + " time", s -> s.usage() == null || s.usage().periodEnd() == null ? null
                : (double) s.usage().periodEnd().atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond());
        gauge("qmiconn_last_error_timestamp_seconds", "When the service last saw a failure, Unix time",
                s -> s.lastError() == null ? null : s.lastError().at().toEpochMilli() / 1000.0);
        lastErrorInfo();
        gauge("qmiconn_snapshot_timestamp_seconds", "When the service last looked at the modem, Unix time",
                s -> s.at().toEpochMilli() / 1000.0);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    private static String[] labels(TelemetrySnapshot s, String... extra) {
        String[] all = new String[LABELS.length + extra.length];
        all[0] = s.device();
        all[1] = s.simId();
        all[2] = s.operator();
        System.arraycopy(extra, 0, all, LABELS.length, extra.length);
        return all;
    }

    private static String[] names(String... extra) {
        String[] all = java.util.Arrays.copyOf(LABELS, LABELS.length + extra.length);
        System.arraycopy(extra, 0, all, LABELS.length, extra.length);
        return all;
    }

    private static Double asDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }

    private void gauge(String name, String help, Function<TelemetrySnapshot, Double> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(LABELS).callback(cb -> {
            TelemetrySnapshot s = latest.get();
            Double v = s == null ? null : value.apply(s);
            if (v != null) {
                cb.call(v, labels(s));
            }
        }).register(registry);
    }

    private void counter(String name, String help, Function<TelemetrySnapshot, Double> value) {
        CounterWithCallback.builder().name(name).help(help).labelNames(LABELS).callback(cb -> {
            TelemetrySnapshot s = latest.get();
            Double v = s == null ? null : value.apply(s);
            if (v != null) {
                cb.call(v, labels(s));
            }
        }).register(registry);
    }

    /** State sets: one series per state, 1 for the current one, so {@code == 0} alerts work on every state. */
    private void stateGauges() {
        GaugeWithCallback.builder().name("qmiconn_link_state").help("1 for the state the link is in, 0 for the"
                + " others").labelNames(names("state")).callback(cb -> {
                    TelemetrySnapshot s = latest.get();
                    if (s != null) {
                        for (LinkState st : LinkState.values()) {
                            cb.call(st == s.state() ? 1 : 0, labels(s, st.word()));
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("qmiconn_registration_state").help("1 for the modem's network"
                + " registration state (unknown: the modem did not say), 0 for the others")
                .labelNames(names("state")).callback(cb -> {
                    TelemetrySnapshot s = latest.get();
                    if (s != null) {
                        RegistrationState now = s.registration() == null ? RegistrationState.UNKNOWN
                                : s.registration();
                        for (RegistrationState st : RegistrationState.values()) {
                            cb.call(st == now ? 1 : 0, labels(s, st.qmicli()));
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("qmiconn_radio_technology").help("1, labelled with the radio technology"
                + " in use (lte, umts, gsm, ...); absent when unknown").labelNames(names("technology"))
                .callback(cb -> {
                    TelemetrySnapshot s = latest.get();
                    if (s != null && s.radio() != null) {
                        cb.call(1, labels(s, s.radio().qmicli()));
                    }
                }).register(registry);
    }

    private void reconnects() {
        CounterWithCallback.builder().name("qmiconn_reconnects").help("Times the service brought the link up"
                + " again since it started, by reason").labelNames(names("reason")).callback(cb -> {
                    TelemetrySnapshot s = latest.get();
                    if (s != null) {
                        for (ReconnectReason r : ReconnectReason.values()) {
                            cb.call(s.reconnects().getOrDefault(r, 0L), labels(s, r.word()));
                        }
                    }
                }).register(registry);
    }

    private void lastErrorInfo() {
        GaugeWithCallback.builder().name("qmiconn_last_error").help("1, labelled with the last failure's message"
                + " (cut to " + ERROR_LABEL_MAX + " characters); absent when none").labelNames(names("message"))
                .callback(cb -> {
                    TelemetrySnapshot s = latest.get();
                    if (s != null && s.lastError() != null) {
                        String m = s.lastError().message();
                        cb.call(1, labels(s, m.length() > ERROR_LABEL_MAX ? m.substring(0, ERROR_LABEL_MAX) : m));
                    }
                }).register(registry);
    }
}
