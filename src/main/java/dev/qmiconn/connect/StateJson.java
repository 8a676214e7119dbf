package dev.qmiconn.connect;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.qmiconn.config.JsonTree;
import dev.qmiconn.config.JsonTree.BadField;

import static dev.qmiconn.config.JsonTree.bool;
import static dev.qmiconn.config.JsonTree.integer;
import static dev.qmiconn.config.JsonTree.number;
import static dev.qmiconn.config.JsonTree.object;
import static dev.qmiconn.config.JsonTree.objects;
import static dev.qmiconn.config.JsonTree.string;
import static dev.qmiconn.config.JsonTree.strings;

/**
 * The format-2 state file with Jackson's streaming core only. Every command reads this file (and {@code up} writes
 * it five times); building an ObjectMapper and introspecting the records cost 0.1-0.3 s of a short {@code status}
 * or {@code up} on a loaded Pi-class machine, the streaming parser a few ms. Writes exactly what an ObjectMapper
 * with INDENT_OUTPUT wrote (same printer, same order, nulls included: StateJsonTest compares them), and reads as
 * leniently as it did: unknown fields ignored, a number may come as a string.
 */
final class StateJson {

    private StateJson() {
    }

    /** A format-2 record from its parsed object; a field of the wrong kind is a {@link BadField}. */
    static SessionState read(Map<?, ?> o) {
        Map<?, ?> l = object(o, "link");
        SessionState.Link link = l == null ? null : new SessionState.Link(string(l, "device"), string(l, "iface"),
                string(l, "backend"), bool(l, "proxy"), string(l, "libqmiVersion"), number(l, "startedAtEpochSecond"));
        List<SessionState.ClientId> ids = new ArrayList<>();
        for (Map<?, ?> c : objects(o, "clientIds")) {
            ids.add(new SessionState.ClientId(string(c, "service"), (int) number(c, "cid")));
        }
        List<SessionState.DataSession> sessions = new ArrayList<>();
        for (Map<?, ?> s : objects(o, "sessions")) {
            sessions.add(new SessionState.DataSession(string(s, "family"), (int) number(s, "cid"),
                    number(s, "packetDataHandle")));
        }
        Map<?, ?> a = object(o, "addressing");
        SessionState.Addressing addressing = a == null ? null : new SessionState.Addressing(string(a, "source"),
                string(a, "address"), integer(a, "prefix"), string(a, "gateway"), strings(a, "dns"),
                integer(a, "mtu"), string(a, "ipv6Address"), integer(a, "ipv6Prefix"));
        Map<?, ?> d = object(o, "dnsFiles");
        SessionState.DnsFiles dns = d == null ? null
                : new SessionState.DnsFiles(string(d, "resolvHead"), string(d, "resolvConf"));
        return new SessionState((int) number(o, "format"), link, phase(string(o, "phase")), string(o, "pending"),
                ids, sessions, addressing, dns);
    }

    private static SessionState.Phase phase(String word) {
        if (word == null) {
            return null;
        }
        for (SessionState.Phase p : SessionState.Phase.values()) {
            if (p.name().toLowerCase(java.util.Locale.ROOT).equals(word)) {
                return p;
            }
        }
        throw new BadField("phase", "'" + word + "' is not one of starting, up, idle");
    }

    /** What {@code ObjectMapper.enable(INDENT_OUTPUT).writeValueAsString(state)} gave, byte for byte. */
    static String write(SessionState s) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("format", s.format());
            g.writeFieldName("link");
            if (s.link() == null) {
                g.writeNull();
            } else {
                SessionState.Link l = s.link();
                g.writeStartObject();
                g.writeStringField("device", l.device());
                g.writeStringField("iface", l.iface());
                g.writeStringField("backend", l.backend());
                g.writeBooleanField("proxy", l.proxy());
                g.writeStringField("libqmiVersion", l.libqmiVersion());
                g.writeNumberField("startedAtEpochSecond", l.startedAtEpochSecond());
                g.writeEndObject();
            }
            g.writeStringField("phase", s.phase() == null ? null
                    : s.phase().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("pending", s.pending());
            g.writeArrayFieldStart("clientIds");
            for (SessionState.ClientId c : s.clientIds()) {
                g.writeStartObject();
                g.writeStringField("service", c.service());
                g.writeNumberField("cid", c.cid());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sessions");
            for (SessionState.DataSession d : s.sessions()) {
                g.writeStartObject();
                g.writeStringField("family", d.family());
                g.writeNumberField("cid", d.cid());
                g.writeNumberField("packetDataHandle", d.packetDataHandle());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("addressing");
            if (s.addressing() == null) {
                g.writeNull();
            } else {
                SessionState.Addressing a = s.addressing();
                g.writeStartObject();
                g.writeStringField("source", a.source());
                g.writeStringField("address", a.address());
                JsonTree.numberField(g, "prefix", a.prefix());
                g.writeStringField("gateway", a.gateway());
                g.writeArrayFieldStart("dns");
                for (String server : a.dns()) {
                    g.writeString(server);
                }
                g.writeEndArray();
                JsonTree.numberField(g, "mtu", a.mtu());
                g.writeStringField("ipv6Address", a.ipv6Address());
                JsonTree.numberField(g, "ipv6Prefix", a.ipv6Prefix());
                g.writeEndObject();
            }
            g.writeFieldName("dnsFiles");
            if (s.dnsFiles() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringField("resolvHead", s.dnsFiles().resolvHead());
                g.writeStringField("resolvConf", s.dnsFiles().resolvConf());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

}
