package dev.qmiconn.connect;

import java.time.Duration;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.connect.ConnectOptions.IpType;
import dev.qmiconn.qmi.StartNetworkRequest.Auth;

/**
 * Everything {@code up} was asked for, after the profile was merged in (command-line options win) and every
 * value that can reach an argv or a file was validated. {@code iface} null means auto (sysfs, then qmicli);
 * {@code ipType} null means IPv4 without an explicit ip-type (unless the version policy needs one).
 */
public record UpRequest(String device, String apn, String iface, String user, String password, Auth auth,
                        IpType ipType, String pin, IpConfig ipConfig, Backend backend, Duration timeout,
                        boolean dnsApply, boolean proxy, Paths paths) {

    public UpRequest {
        device = Validation.device(device);
        apn = Validation.apn(apn);
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
}
