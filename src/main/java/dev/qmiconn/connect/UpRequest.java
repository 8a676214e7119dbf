package dev.qmiconn.connect;

import java.nio.file.Path;
import java.time.Duration;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.connect.ConnectOptions.IpType;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.operator.ApnChoice;
import dev.qmiconn.operator.Provider;
import dev.qmiconn.operator.ProviderDatabase;
import dev.qmiconn.qmi.StartNetworkRequest.Auth;

/**
 * Everything {@code up} was asked for, after the profile was merged in (command-line options win) and every
 * value that can reach an argv or a file was validated. {@code iface} null means auto (sysfs, then qmicli);
 * {@code ipType} null means IPv4 without an explicit ip-type (unless the version policy needs one).
 * {@code apn} null means: from the SIM's operator in {@code providerDatabase} ({@link ApnFromSim}).
 * {@code roaming} null means allow (a caller that knows of a data cap decides with {@link RoamingPolicy#effective}).
 * {@code dns} null means auto (who gets the servers, see {@link dev.qmiconn.dns.Dns}).
 */
public record UpRequest(String device, String apn, String iface, String user, String password, Auth auth,
                        IpType ipType, String pin, IpConfig ipConfig, Backend backend, Duration timeout,
                        DnsMode dns, boolean proxy, Paths paths, RoamingPolicy.Mode roaming,
                        Path providerDatabase) {

    /** Without a roaming mode (allow) and with Debian's provider database. */
    public UpRequest(String device, String apn, String iface, String user, String password, Auth auth,
                     IpType ipType, String pin, IpConfig ipConfig, Backend backend, Duration timeout,
                     DnsMode dns, boolean proxy, Paths paths) {
        this(device, apn, iface, user, password, auth, ipType, pin, ipConfig, backend, timeout, dns, proxy,
                paths, null, null);
    }

    /**
     * As before DNS had backends: {@code dnsApply} or not, the servers go where they always went, the marker
     * block in resolv.conf.head (and resolv.conf): the {@code dhcpcd} backend.
     */
    public UpRequest(String device, String apn, String iface, String user, String password, Auth auth,
                     IpType ipType, String pin, IpConfig ipConfig, Backend backend, Duration timeout,
                     boolean dnsApply, boolean proxy, Paths paths, RoamingPolicy.Mode roaming,
                     Path providerDatabase) {
        this(device, apn, iface, user, password, auth, ipType, pin, ipConfig, backend, timeout, DnsMode.DHCPCD,
                proxy, paths, roaming, providerDatabase);
    }

    /** {@link #UpRequest(String, String, String, String, String, Auth, IpType, String, IpConfig, Backend,
     * Duration, boolean, boolean, Paths, RoamingPolicy.Mode, Path)} without roaming mode and database. */
    public UpRequest(String device, String apn, String iface, String user, String password, Auth auth,
                     IpType ipType, String pin, IpConfig ipConfig, Backend backend, Duration timeout,
                     boolean dnsApply, boolean proxy, Paths paths) {
        this(device, apn, iface, user, password, auth, ipType, pin, ipConfig, backend, timeout, dnsApply, proxy,
                paths, null, null);
    }

    public UpRequest {
        device = Validation.device(device);
        apn = apn == null ? null : Validation.apn(apn);
        providerDatabase = providerDatabase == null ? ProviderDatabase.DEBIAN : providerDatabase;
        iface = iface == null ? null : Validation.iface(iface);
        user = Validation.credential("user name", user);
        password = Validation.credential("password", password);
        pin = pin == null ? null : Validation.pin(pin);
    }

    public String deviceName() {
        return Paths.deviceName(device);
    }

    /** qmicli's ip-type for the request: null lets qmicli (and the version policy) decide. */
    public Integer ipTypeNumber() {
        if (ipType == null) {
            return null;
        }
        return switch (ipType) {
            case V4 -> 4;
            case V6 -> 6;
            case V4V6 -> 4;
        };
    }

    /** The APN for log lines: the one given, or where it will come from. */
    public String apnOrSource() {
        return apn != null ? apn : "the APN of the SIM's operator";
    }

    /**
     * The database's APN filled in; a user name, password or auth given explicitly still win. The database's
     * {@code <authentication method>} (pap or chap) becomes the auth when none was given; credentials from the
     * database without a method offer both (the network picks), since no auth TLV means none to many modems.
     */
    public UpRequest withApn(ApnChoice choice) {
        Provider.Apn db = choice.apn();
        boolean dbCredentials = user == null && password == null && (db.username() != null || db.password() != null);
        Auth a = auth != null ? auth : db.authentication() != null ? Auth.fromString(db.authentication())
                : dbCredentials ? Auth.BOTH : null;
        return new UpRequest(device, db.value(), iface, user != null ? user : db.username(),
                password != null ? password : db.password(), a, ipType, pin, ipConfig, backend, timeout,
                dns, proxy, paths, roaming, providerDatabase);
    }

    public UpRequest withRoaming(RoamingPolicy.Mode mode) {
        return new UpRequest(device, apn, iface, user, password, auth, ipType, pin, ipConfig, backend, timeout,
                dns, proxy, paths, mode, providerDatabase);
    }
}
