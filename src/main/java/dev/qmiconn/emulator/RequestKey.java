package dev.qmiconn.emulator;

import java.util.Locale;
import java.util.Map;

/** Parses {@code service/message} names used by no-answer faults: {@code wds/start-network}, {@code nas/0x0020}. */
final class RequestKey {

    private static final Map<String, Integer> SERVICES = Map.of("ctl", QmiMessage.CTL, "wds", WdsService.SERVICE,
            "dms", DmsService.SERVICE, "nas", NasService.SERVICE, "uim", UimService.SERVICE, "wda", WdaService.SERVICE);

    private static final Map<String, Integer> MESSAGES = Map.ofEntries(
            Map.entry("ctl/get-version-info", CtlService.GET_VERSION_INFO),
            Map.entry("ctl/allocate-cid", CtlService.ALLOCATE_CID),
            Map.entry("ctl/release-cid", CtlService.RELEASE_CID),
            Map.entry("ctl/sync", CtlService.SYNC),
            Map.entry("ctl/set-data-format", CtlService.SET_DATA_FORMAT),
            Map.entry("dms/get-ids", DmsService.GET_IDS),
            Map.entry("dms/get-manufacturer", DmsService.GET_MANUFACTURER),
            Map.entry("dms/get-model", DmsService.GET_MODEL),
            Map.entry("dms/get-revision", DmsService.GET_REVISION),
            Map.entry("dms/get-operating-mode", DmsService.GET_OPERATING_MODE),
            Map.entry("dms/set-operating-mode", DmsService.SET_OPERATING_MODE),
            Map.entry("nas/get-signal-strength", NasService.GET_SIGNAL_STRENGTH),
            Map.entry("nas/get-serving-system", NasService.GET_SERVING_SYSTEM),
            Map.entry("nas/get-signal-info", NasService.GET_SIGNAL_INFO),
            Map.entry("uim/get-card-status", UimService.GET_CARD_STATUS),
            Map.entry("uim/verify-pin", UimService.VERIFY_PIN),
            Map.entry("wds/start-network", WdsService.START_NETWORK),
            Map.entry("wds/stop-network", WdsService.STOP_NETWORK),
            Map.entry("wds/get-packet-service-status", WdsService.GET_PACKET_SERVICE_STATUS),
            Map.entry("wds/get-packet-statistics", WdsService.GET_PACKET_STATISTICS),
            Map.entry("wds/get-current-settings", WdsService.GET_CURRENT_SETTINGS),
            Map.entry("wda/get-data-format", WdaService.GET_DATA_FORMAT),
            Map.entry("wda/set-data-format", WdaService.SET_DATA_FORMAT));

    private RequestKey() {
    }

    /** {service, message id} for a key, or an IllegalArgumentException naming what is wrong. */
    static int[] parse(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int slash = k.indexOf('/');
        if (slash < 0 || !SERVICES.containsKey(k.substring(0, slash))) {
            throw new IllegalArgumentException("request '" + key + "' must be SERVICE/MESSAGE with SERVICE one of "
                    + SERVICES.keySet());
        }
        int service = SERVICES.get(k.substring(0, slash));
        String message = k.substring(slash + 1);
        if (message.startsWith("0x")) {
            try {
                return new int[] {service, Integer.parseInt(message.substring(2), 16)};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("request '" + key + "': bad message id");
            }
        }
        Integer id = MESSAGES.get(k);
        if (id == null) {
            throw new IllegalArgumentException("request '" + key + "' unknown; known: " + MESSAGES.keySet());
        }
        return new int[] {service, id};
    }

    static boolean matches(String key, QmiMessage m) {
        int[] k = parse(key);
        return k[0] == m.service() && k[1] == m.messageId();
    }
}
