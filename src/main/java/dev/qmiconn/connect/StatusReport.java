package dev.qmiconn.connect;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.qmiconn.report.JsonSchema;

/**
 * What {@code qmi-conn status} reports. The ONE place where its JSON field names are decided (snake_case, as
 * every qmi-conn JSON: {@link JsonSchema}; documented in docs/STATUS-JSON.md); the domain records from
 * {@code dev.qmiconn.qmi.model} carry no JSON names. A section
 * the modem could not answer is null and its error is listed in {@code errors}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({JsonSchema.FIELD, "device", "interface", "state", "lte", "led", "connection", "libqmi", "ids",
        "sim", "registration", "roaming_guard", "signal", "ip", "packets", "session", "usage", "errors"})
public record StatusReport(
        @JsonProperty("device") String device,
        @JsonProperty("interface") String iface,
        @JsonProperty("state") String state,
        @JsonProperty("lte") boolean lte,
        @JsonProperty("led") String led,
        @JsonProperty("connection") String connection,
        @JsonProperty("libqmi") Libqmi libqmi,
        @JsonProperty("ids") Ids ids,
        @JsonProperty("sim") Sim sim,
        @JsonProperty("registration") Registration registration,
        @JsonProperty("signal") SignalView signal,
        @JsonProperty("ip") Ip ip,
        @JsonProperty("packets") Packets packets,
        @JsonProperty("session") Session session,
        @JsonProperty("usage") Usage usage,
        @JsonProperty("roaming_guard") RoamingGuard roamingGuard,
        @JsonProperty("errors") List<String> errors) {

    /** A report without the roaming guard's verdict ({@link #withRoamingGuard} adds it). */
    public StatusReport(String device, String iface, String state, boolean lte, String led, String connection,
                        Libqmi libqmi, Ids ids, Sim sim, Registration registration, SignalView signal, Ip ip,
                        Packets packets, Session session, Usage usage, List<String> errors) {
        this(device, iface, state, lte, led, connection, libqmi, ids, sim, registration, signal, ip, packets, session,
                usage, null, errors);
    }

    /** A report without the ledger's usage (what the modem says; {@link #withUsage} adds it). */
    public StatusReport(String device, String iface, String state, boolean lte, String led, String connection,
                        Libqmi libqmi, Ids ids, Sim sim, Registration registration, SignalView signal, Ip ip,
                        Packets packets, Session session, List<String> errors) {
        this(device, iface, state, lte, led, connection, libqmi, ids, sim, registration, signal, ip, packets, session,
                null, errors);
    }

    /** First in the output: the version of this JSON's shape (see {@link JsonSchema}). */
    @JsonProperty(JsonSchema.FIELD)
    public int schemaVersion() {
        return JsonSchema.VERSION;
    }

    public boolean connected() {
        return "connected".equals(connection);
    }

    /** The same report with the period's data usage from the ledger (the modem is not asked for it). */
    public StatusReport withUsage(Usage u) {
        return new StatusReport(device, iface, state, lte, led, connection, libqmi, ids, sim, registration, signal,
                ip, packets, session, u, roamingGuard, errors);
    }

    /** The same report with what the roaming guard makes of its registration under {@code mode}. */
    public StatusReport withRoamingGuard(RoamingPolicy.Mode mode) {
        Boolean roaming = registration == null || !"registered".equals(registration.state()) ? null
                : registration.roaming();
        RoamingGuard g = new RoamingGuard(roaming == null ? "unknown" : roaming ? "roaming" : "home", mode.word(),
                RoamingPolicy.decide(mode, roaming).word());
        return new StatusReport(device, iface, state, lte, led, connection, libqmi, ids, sim, registration, signal,
                ip, packets, session, usage, g, errors);
    }

    public record Libqmi(@JsonProperty("version") String version, @JsonProperty("verdict") String verdict,
                         @JsonProperty("explanation") String explanation) {
    }

    /** The modem's IMEI and the SIM's ICCID; null when not read (no SIM, or a status without the modem's ids). */
    public record Ids(@JsonProperty("imei") String imei, @JsonProperty("iccid") String iccid) {
    }

    public record Sim(@JsonProperty("present") boolean present, @JsonProperty("pin1_state") String pin1State,
                      @JsonProperty("pin1_retries") int pin1Retries, @JsonProperty("puk1_retries") int puk1Retries) {
    }

    public record Registration(@JsonProperty("state") String state, @JsonProperty("radio") List<String> radio,
                               @JsonProperty("mcc") String mcc, @JsonProperty("mnc") String mnc,
                               @JsonProperty("operator") String operator, @JsonProperty("roaming") Boolean roaming,
                               @JsonProperty("ps_attached") Boolean psAttached) {
    }

    public record SignalView(@JsonProperty("network") String network, @JsonProperty("rssi_dbm") Double rssi,
                             @JsonProperty("rsrp_dbm") Double rsrp, @JsonProperty("rsrq_db") Double rsrq,
                             @JsonProperty("snr_db") Double snr, @JsonProperty("bars") int bars) {
    }

    public record Ip(@JsonProperty("source") String source, @JsonProperty("address") String address,
                     @JsonProperty("prefix") Integer prefix, @JsonProperty("gateway") String gateway,
                     @JsonProperty("dns") List<String> dns, @JsonProperty("mtu") Integer mtu,
                     @JsonProperty("ipv6_address") String ipv6Address, @JsonProperty("ipv6_prefix") Integer ipv6Prefix,
                     @JsonProperty("dns_backend") String dnsBackend, @JsonProperty("dns_held_by") String dnsHeldBy) {

        /** Settings not applied by {@code qmi-conn up} (read from the modem): nobody holds their DNS servers. */
        public Ip(String source, String address, Integer prefix, String gateway, List<String> dns, Integer mtu,
                  String ipv6Address, Integer ipv6Prefix) {
            this(source, address, prefix, gateway, dns, mtu, ipv6Address, ipv6Prefix, null, null);
        }
    }

    public record Packets(@JsonProperty("tx_packets") Long txPackets, @JsonProperty("rx_packets") Long rxPackets,
                          @JsonProperty("tx_bytes") Long txBytes, @JsonProperty("rx_bytes") Long rxBytes,
                          @JsonProperty("tx_errors") Long txErrors, @JsonProperty("rx_errors") Long rxErrors,
                          @JsonProperty("tx_dropped") Long txDropped, @JsonProperty("rx_dropped") Long rxDropped) {
    }

    public record Session(@JsonProperty("backend") String backend, @JsonProperty("cids") List<Integer> cids,
                          @JsonProperty("packet_data_handles") List<Long> handles,
                          @JsonProperty("started_at") String startedAt,
                          @JsonProperty("uptime_seconds") Long uptimeSeconds) {
    }

    public record Usage(@JsonProperty("ledger") String ledger, @JsonProperty("period_end") String periodEnd,
                        @JsonProperty("used_bytes") long usedBytes, @JsonProperty("cap_bytes") Long capBytes,
                        @JsonProperty("remaining_bytes") Long remainingBytes) {
    }

    /**
     * The roaming guard ({@code --roaming}): where the modem is registered ({@code home}, {@code roaming},
     * {@code unknown} when not registered), the policy in force and what up/watch do under it.
     */
    public record RoamingGuard(@JsonProperty("network") String network, @JsonProperty("policy") String policy,
                               @JsonProperty("decision") String decision) {
    }
}
