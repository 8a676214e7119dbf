/**
 * A QMI modem emulator: {@link dev.qmiconn.emulator.ModemEmulator} speaks QMUX on a filesystem Unix socket
 * the way /dev/cdc-wdm0 does, so the real qmicli, qmi-network and qmi-proxy run against it through
 * {@code socat PTY,link=DIR/cdc-wdm0,raw,echo=0 UNIX-CONNECT:DIR/emu.sock} ({@link dev.qmiconn.emulator.PtyBridge}).
 *
 * <p>What it answers (anything else: InvalidQmiCommand; a service it lacks: InvalidServiceType on allocate):
 * CTL version info, allocate/release CID, set data format, sync; DMS ids, manufacturer, model, revision,
 * operating mode get/set, UIM verify PIN, PIN status, ICCID and IMSI; UIM card status and verify PIN; NAS signal
 * strength, signal info, serving system (roaming indicator), home network; WDS start/stop network, packet service status, current settings,
 * packet statistics; WDA get/set data format (only when the scenario has WDA).
 *
 * <p>Modem rules worth knowing when testing against it (each is how real modems behave):
 * <ul>
 * <li>Client ids are modem-wide and outlive qmicli processes and socket connections; only release, CTL
 *     Sync ({@code --device-open-sync}) or a power cycle frees them. Releasing the WDS client that started
 *     the call ends the call: start with {@code --client-no-release-cid} as qmi-network does.</li>
 * <li>Without registration: signal strength is InformationUnavailable (74), serving system says
 *     not-registered(-searching), start network is CallFailed generic-no-service / [cm] no-service.</li>
 * <li>Start network checks, in order: IP family (0 is error 64, the libqmi 1.16.2 bug), NoEffect if a call
 *     is up, scenario CallFailed faults, registration, IPv6 availability ([ipv6] ipv6-disabled), the APN
 *     ([3gpp] unknown-apn), the auth the network wants ([3gpp] user-authentication-failed; an absent
 *     auth TLV counts as none, as with qmi-network, which never passes auth).</li>
 * <li>Device vanish: connections are hung up (socat exits), nothing answers; on return the modem is
 *     freshly powered on (no CIDs, no call, PIN locked again) and a new socat must be started.</li>
 * </ul>
 *
 * <p>Scenarios are JSON ({@link dev.qmiconn.emulator.Scenario}; built-in ones in
 * {@code src/main/resources/scenarios/}). Faults ({@link dev.qmiconn.emulator.Fault}): {@code call-failed}
 * (callEndReason, verboseType, verboseReason), {@code no-effect}, {@code session-drop} (afterSessionSeconds,
 * recoverAfterSeconds), {@code device-vanish} (fromSeconds, returnAtSeconds), {@code no-answer} (request
 * such as {@code wds/start-network}), {@code roaming} (registration roaming within the window), {@code slow-reply}
 * (request, delaySeconds: done at once, answered late), each within fromSeconds..untilSeconds and at most
 * {@code times}; and
 * {@code clientIdLimit} per service. Time comes from an injectable {@link java.time.Clock}
 * (the tests' ManualClock plus {@code tick()}).
 */
package dev.qmiconn.emulator;
