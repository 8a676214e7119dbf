package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.ConnectOptions.Backend;
import dev.qmiconn.connect.ConnectOptions.IpConfig;
import dev.qmiconn.connect.ConnectOptions.IpType;
import dev.qmiconn.connect.DurationParser;
import dev.qmiconn.connect.Paths;
import dev.qmiconn.connect.Profile;
import dev.qmiconn.connect.RoamingPolicy;
import dev.qmiconn.connect.UpRequest;
import dev.qmiconn.dns.DnsMode;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.qmi.StartNetworkRequest.Auth;

import picocli.CommandLine.Option;

/**
 * The options of {@code qmi-conn up}, shared as a picocli mixin by every command that brings the modem up
 * ({@code up}, {@code watch}, {@code ensure}) so they read the same words the same way.
 */
public final class UpOptions {

    private static final String DEFAULT_PROFILE = "/etc/qmi-network.conf";

    @Option(names = "--apn", paramLabel = "APN", description = "Access point name (else APN from --profile, else the "
            + "one the provider database lists for the SIM's operator).")
    String apn;

    @Option(names = "--device", paramLabel = "PATH", defaultValue = "/dev/cdc-wdm0",
            description = "QMI control device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--iface", paramLabel = "NAME|auto", defaultValue = "auto",
            description = "Network interface; auto asks sysfs, then qmicli (default: ${DEFAULT-VALUE}).")
    String iface;

    @Option(names = "--user", paramLabel = "USER", description = "APN user name (else APN_USER from --profile).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "APN password (else APN_PASS).")
    String password;

    @Option(names = "--auth", paramLabel = "none|pap|chap|both", description = "Authentication the APN wants.")
    String auth;

    @Option(names = "--ip-type", paramLabel = "4|6|4v6", description = "IP family (else IP_TYPE; default 4).")
    String ipType;

    @Option(names = "--pin", paramLabel = "PIN", description = "SIM PIN, entered only when the SIM asks for it "
            + "and more than one attempt is left.")
    String pin;

    @Option(names = "--ip-config", paramLabel = "dhcp|static|auto", defaultValue = "auto",
            description = "IPv4 by DHCP, static from the modem's current settings, or DHCP then static "
                    + "(default: ${DEFAULT-VALUE}).")
    String ipConfig;

    @Option(names = "--backend", paramLabel = "qmicli|qmi-network", defaultValue = "qmicli",
            description = "Start the session with qmicli directly, or with libqmi's qmi-network as the guide "
                    + "does (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Give up waiting for SIM, registration and signal after this long, e.g. 30s, 2m "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--dns", paramLabel = "auto|resolved|resolvconf|networkmanager|dhcpcd|file|none",
            defaultValue = "auto",
            description = "Who gets the session's DNS servers: auto asks the system (systemd-resolved, openresolv or "
                    + "Debian's resolvconf, NetworkManager, dhcpcd, else the plain file); down takes them back from "
                    + "the same one (default: ${DEFAULT-VALUE}).")
    String dns;

    @Option(names = "--dns-apply", description = "Same as --dns file (the marker block in --resolv-conf).")
    boolean dnsApply;

    @Option(names = "--proxy", description = "Talk to the modem through qmi-proxy (qmicli -p), e.g. next to "
            + "ModemManager.")
    boolean proxy;

    @Option(names = "--profile", paramLabel = "FILE", defaultValue = DEFAULT_PROFILE,
            description = "qmi-network profile to read APN, APN_USER, APN_PASS, IP_TYPE, PROXY from (never "
                    + "sourced; command-line options win; default: ${DEFAULT-VALUE}).")
    Path profile;

    @Option(names = "--roaming", paramLabel = "allow|deny", description = "Data while the modem is registered "
            + "roaming: deny refuses to connect and takes the link down (default: deny when --cap is set, else "
            + "allow).")
    String roaming;

    @Option(names = "--providers-db", paramLabel = "FILE",
            defaultValue = "/usr/share/mobile-broadband-provider-info/serviceproviders.xml",
            description = "mobile-broadband-provider-info database to find the APN in when none is given "
                    + "(default: ${DEFAULT-VALUE}).")
    Path providersDb;

    /**
     * The APN given, else the profile's (the AT path needs only this much of the options). The AT path has no
     * IMSI to look an APN up by, so there a missing profile without --apn is refused, naming the file.
     */
    public String apnOrProfile() {
        return apn != null ? apn : profileWithApn().apn().orElse(null);
    }

    /**
     * The profile's values. A missing file is an empty profile (qmi-network says "Profile not found" and goes
     * on), but when it was the only place an APN could come from, the refusal names it.
     */
    private Profile profileWithApn() {
        if (apn == null && !java.nio.file.Files.exists(profile)) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "no APN: give --apn APN, or APN=... in "
                    + Validation.printable(profile.toString()) + " (that file does not exist)");
        }
        return Profile.read(profile);
    }

    /** {@code --dns}, with {@code --dns-apply} meaning {@code file} when --dns was left at auto. */
    public DnsMode dnsMode() {
        DnsMode m = word(dns, DnsMode::fromWord);
        return dnsApply && (m == null || m == DnsMode.AUTO) ? DnsMode.FILE : m;
    }

    /** Merges the profile in (command-line options win) and validates everything into an {@link UpRequest}. */
    public UpRequest toRequest(Paths paths) {
        Profile p = Profile.read(profile); // no APN anywhere: up asks the provider database (ApnFromSim)
        return new UpRequest(device, apn != null ? apn : p.apn().orElse(null),
                "auto".equals(iface) ? null : iface,
                user != null ? user : p.apnUser().orElse(null), password != null ? password : p.apnPass().orElse(null),
                auth == null ? null : Auth.fromString(auth),
                word(ipType != null ? ipType : p.ipType().orElse(null), IpType::fromWord),
                pin, word(ipConfig, UpOptions::ipConfig),
                word(backend, Backend::fromWord), timeout, dnsMode(), proxy || p.proxy(), paths,
                word(roaming, RoamingPolicy.Mode::fromWord), providersDb);
    }

    private static IpConfig ipConfig(String w) {
        for (IpConfig c : IpConfig.values()) {
            if (c.name().equalsIgnoreCase(w)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--ip-config must be dhcp, static or auto, not '" + w + "'");
    }

    static <T> T word(String w, Function<String, T> f) {
        if (w == null) {
            return null;
        }
        try {
            return f.apply(w);
        } catch (IllegalArgumentException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, Validation.printable(e.getMessage()));
        }
    }
}
