package dev.qmiconn.generate;

import picocli.CommandLine.Option;

/**
 * The options of {@code qmi-conn up} (UpCommand and its ConnectPaths mixin), repeated here so {@code generate}
 * can write them into a stanza or unit: UpCommand keeps its options as its own fields, so they cannot be shared
 * as a mixin; {@code GeneratedArgsParseTest} keeps the two in step. Same names and meanings as {@code up}; only what the user gives is written (qmi-conn's own defaults then
 * apply at boot), except the device and interface, which are always written so the stanza, the unit and the
 * udev rule name the same modem. {@link #settings()} validates every value.
 */
public final class UpOptions {

    @Option(names = "--apn", paramLabel = "APN", description = "Access point name, e.g. fast.metropcs.com.")
    String apn;

    @Option(names = "--device", paramLabel = "PATH", defaultValue = "/dev/cdc-wdm0",
            description = "QMI control device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--iface", paramLabel = "NAME|auto",
            description = "Network interface of the modem (default: wwan0 for a stanza, which must name it; "
                    + "auto for a unit, so a renamed wwp0s... interface is found).")
    String iface;

    @Option(names = "--user", paramLabel = "USER", description = "APN user name.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "APN password (the generated file is then readable by root only).")
    String password;

    @Option(names = "--auth", paramLabel = "none|pap|chap|both", description = "APN authentication.")
    String auth;

    @Option(names = "--ip-type", paramLabel = "4|6|4v6", description = "IP family of the data session.")
    String ipType;

    @Option(names = "--pin", paramLabel = "PIN", description = "SIM PIN (the generated file is then root-only).")
    String pin;

    @Option(names = "--ip-config", paramLabel = "dhcp|static|auto", description = "How IPv4 is configured.")
    String ipConfig;

    @Option(names = "--backend", paramLabel = "qmicli|qmi-network", description = "Who starts the session.")
    String backend;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Bound for `up`, e.g. 90s or 2m.")
    String timeout;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "qmi-conn state directory.")
    String stateDir;

    @Option(names = "--resolv-head", paramLabel = "FILE", description = "File that receives the DNS block.")
    String resolvHead;

    @Option(names = "--resolv-conf", paramLabel = "FILE", description = "resolv.conf updated with --dns-apply.")
    String resolvConf;

    @Option(names = "--dns-apply", description = "Also put the DNS block into --resolv-conf.")
    boolean dnsApply;

    @Option(names = "--proxy", description = "Talk to the modem through qmi-proxy (qmicli -p).")
    boolean proxy;

    @Option(names = "--profile", paramLabel = "FILE", description = "qmi-network profile to read.")
    String profile;

    @Option(names = "--qmi-conn", paramLabel = "PATH", defaultValue = "/usr/bin/qmi-conn",
            description = "The qmi-conn program to run, absolute: ifupdown and systemd run it with a fixed PATH "
                    + "(default: ${DEFAULT-VALUE}).")
    String program;

    /** The validated values ({@code --iface} else {@code ifaceDefault}); a one-line BAD_INPUT for the first bad one. */
    public UpSettings settings(String ifaceDefault) {
        return UpSettings.of(this, iface != null ? iface : ifaceDefault);
    }
}
