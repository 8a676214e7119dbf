package dev.qmiconn.emulator;

import java.util.Locale;
import java.util.Optional;

/**
 * WDS Start Network (0x0020) as a network would judge it. Request TLVs: 0x14 APN, 0x16 auth preference
 * (bit 0 PAP, bit 1 CHAP), 0x17 username, 0x18 password, 0x19 IP family (4, 6, 8; without it or with 8 the
 * family the client is bound to). One call per family: a second start of a family already up is NoEffect. A
 * failure is
 * CallFailed with call end reason (0x10) and verbose call end reason (0x11: u16 type, i16 reason).
 */
final class StartNetwork {

    private final QmiMessage request;
    private final ModemState modem;

    StartNetwork(QmiMessage request, ModemState modem) {
        this.request = request;
        this.modem = modem;
    }

    Reply run() {
        Optional<Tlv> family = request.tlv(0x19);
        int bound = modem.clientFamily(request.clientId());
        int ipFamily = family.map(t -> t.value().length == 1 ? t.value()[0] & 0xFF : -1).orElse(bound);
        if (ipFamily != 4 && ipFamily != 6 && ipFamily != 8) {
            // libqmi 1.16.1-1.16.5 sent family 0 on every start (Debian bug 845979); modems answer error 64.
            return Reply.error(QmiError.INVALID_IP_FAMILY_PREFERENCE);
        }
        Optional<Fault> noEffect = modem.activeFault(Fault.Type.NO_EFFECT);
        if (noEffect.isPresent()) {
            modem.faults().fire(noEffect.get());
            return Reply.error(QmiError.NO_EFFECT);
        }
        // 8 (unspecified, what qmicli >= 1.22 sends without ip-type) means the client's bound family
        int family4or6 = ipFamily == 8 ? bound : ipFamily;
        if (modem.session(family4or6).isPresent() || modem.sessionOwnedBy(request.clientId()).isPresent()) {
            return Reply.error(QmiError.NO_EFFECT); // one call per family, one per client
        }
        Optional<Fault> callFailed = modem.activeFault(Fault.Type.CALL_FAILED);
        if (callFailed.isPresent()) {
            Fault f = callFailed.get();
            modem.faults().fire(f);
            return callFailed(f.callEndReason(), f.verboseType(), f.verboseReason());
        }
        if (!modem.registered()) {
            return callFailed(3, 3, 2001); // generic-no-service, [cm] no-service
        }
        Data data = modem.scenario.data();
        if (family4or6 == 6 && data.ipv6() == null) {
            return callFailed(1, 9, 3); // generic-unspecified, [ipv6] disabled
        }
        String apn = request.tlv(0x14).map(Tlv::asString).orElse(data.apns().isEmpty() ? "" : data.apns().get(0));
        if (!data.apns().isEmpty() && data.apns().stream().noneMatch(a -> a.equalsIgnoreCase(apn))) {
            return callFailed(1, 6, 27); // generic-unspecified, [3gpp] unknown-apn
        }
        int auth = request.tlv(0x16).map(t -> t.value().length == 1 ? t.value()[0] & 0xFF : 0).orElse(0);
        String user = request.tlv(0x17).map(Tlv::asString).orElse(null);
        String password = request.tlv(0x18).map(Tlv::asString).orElse(null);
        if (!authAccepted(data, auth, user, password)) {
            return callFailed(10, 6, 29); // generic-authentication-failed, [3gpp] authentication-failed (as qmicli 1.32.2 prints them)
        }
        ActiveSession s = modem.startSession(request.clientId(), family4or6, apn, auth, user);
        return Reply.ok(Tlv.u32(0x01, s.handle()));
    }

    private static boolean authAccepted(Data data, int auth, String user, String password) {
        return switch (data.auth().toLowerCase(Locale.ROOT)) {
            case "pap" -> (auth & 1) != 0 && data.username().equals(user) && data.password().equals(password);
            case "chap" -> (auth & 2) != 0 && data.username().equals(user) && data.password().equals(password);
            default -> true;
        };
    }

    private static Reply callFailed(int reason, int verboseType, int verboseReason) {
        return Reply.error(QmiError.CALL_FAILED, Tlv.u16(0x10, reason),
                new Tlv.Writer().u16(verboseType).u16(verboseReason).tlv(0x11));
    }
}
