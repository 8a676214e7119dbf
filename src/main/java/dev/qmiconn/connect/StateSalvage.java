package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.qmiconn.connect.SessionState.DataSession;
import dev.qmiconn.error.QmiConnException;

/**
 * What a damaged state file still says (cut short by a full disk or a crash of an older writer, or overwritten
 * by hand): read token by token until the text stops making sense. Complete {@code sessions} entries (client id
 * and packet data handle) and the top-level words are kept; nothing read here is trusted further than it can
 * be checked: the interface must be the device's (sysfs), the DNS files absolute paths.
 */
final class StateSalvage {

    private static final JsonFactory JSON = new JsonFactory();

    private StateSalvage() {
    }

    static SessionState from(String text, String device, Paths paths) {
        Map<String, String> top = new HashMap<>();
        List<DataSession> sessions = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                readTop(p, top, sessions);
            }
        } catch (IOException | RuntimeException e) {
            // the damage: what was read before it stays
        }
        String name = Paths.deviceName(device);
        Sysfs sysfs = new Sysfs(paths.sysfsRoot());
        String iface = sysfs.ifaceOf(name).orElse(null);
        String saved = top.get("iface");
        if (iface == null && saved != null) {
            try {
                sysfs.requireIfaceOf(name, device, dev.qmiconn.config.Validation.iface(saved), false);
                iface = saved;
            } catch (QmiConnException notTheDevicesOwn) {
                iface = null;
            }
        }
        String backend = "qmi-network".equals(top.get("backend")) ? "qmi-network" : "qmicli";
        SessionState salvaged = SessionState.begin(new SessionState.Link(device, iface, backend,
                        "true".equals(top.get("proxy")), top.get("libqmiVersion"), 0),
                new SessionState.DnsFiles(absolute(top.get("resolvHead"), paths.resolvHead()),
                        absolute(top.get("resolvConf"), null)));
        for (DataSession d : sessions) {
            salvaged = salvaged.allocated("wds", d.cid()).withSession(d);
        }
        if (iface == null) {
            return salvaged;
        }
        // what was configured on the device's own interface is lost with the file: flush it all
        return new SessionState(salvaged.format(), salvaged.link(), salvaged.phase(), null, salvaged.clientIds(),
                salvaged.sessions(), new SessionState.Addressing("unknown", null, null, null, List.of(), null, null,
                null), salvaged.dnsFiles());
    }

    private static void readTop(JsonParser p, Map<String, String> top, List<DataSession> sessions)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("sessions".equals(field) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readSession(p, sessions);
                }
            } else if (("link".equals(field) || "dnsFiles".equals(field)) && value == JsonToken.START_OBJECT) {
                readTop(p, top, sessions); // format 2 nests these words; format 1 had them at the top
            } else if (value.isStructStart()) {
                p.skipChildren();
            } else if (value.isScalarValue()) {
                top.put(field, p.getValueAsString());
            }
        }
    }

    private static void readSession(JsonParser p, List<DataSession> sessions) throws IOException {
        Map<String, String> s = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isStructStart()) {
                p.skipChildren();
            } else {
                s.put(field, p.getValueAsString());
            }
        }
        if (t != JsonToken.END_OBJECT) {
            return;
        }
        try {
            // an entry is only used once its object closed: a cut-off number would name another client
            sessions.add(new DataSession(s.getOrDefault("family", "ipv4"), Integer.parseInt(s.get("cid")),
                    Long.parseLong(s.get("packetDataHandle"))));
        } catch (RuntimeException incomplete) {
            // no client id or handle in it
        }
    }

    private static String absolute(String path, Path fallback) {
        if (path != null && path.startsWith("/") && path.indexOf('\0') < 0) {
            return path;
        }
        return fallback == null ? null : fallback.toString();
    }
}
