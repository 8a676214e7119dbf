package dev.qmiconn.qmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of one qmicli action, {@code qmicli -d DEVICE [-p] ACTION...}. An action of a service whose
 * client id is kept (service word to id) runs on it with {@code --client-cid=N --client-no-release-cid}, unless
 * the action names a client id itself.
 */
record QmicliArgv(String device, boolean proxy, Map<String, Integer> kept) {

    private static final Pattern SERVICE = Pattern.compile("--(wds|nas|uim|dms|wda)-");

    QmicliArgv {
        kept = Map.copyOf(kept);
    }

    QmicliArgv keeping(Map<String, Integer> ids) {
        return new QmicliArgv(device, proxy, ids);
    }

    List<String> of(String... action) {
        List<String> argv = new ArrayList<>(List.of("qmicli", "-d", device));
        if (proxy) {
            argv.add("-p");
        }
        argv.addAll(List.of(action));
        String service = serviceOf(action[0]);
        Integer cid = service == null ? null : kept.get(service);
        if (cid != null && argv.stream().noneMatch(a -> a.startsWith("--client-cid="))) {
            argv.add("--client-cid=" + cid);
            if (!argv.contains("--client-no-release-cid")) {
                argv.add("--client-no-release-cid");
            }
        }
        return argv;
    }

    /** {@code --nas-get-signal-strength} -> {@code nas}; CTL actions ({@code --get-...}) -> null. */
    static String serviceOf(String action) {
        Matcher m = SERVICE.matcher(action);
        return m.lookingAt() ? m.group(1) : null;
    }
}
