package dev.qmiconn.operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/**
 * Debian's mobile-broadband-provider-info ({@code serviceproviders.xml}, format 2.0, the database
 * NetworkManager's mobile broadband wizard reads), read with the JDK's SAX parser. The file names its DTD
 * ({@code serviceproviders.2.dtd}); nothing external is ever loaded: no DTD, no external entities, secure
 * processing on (entity expansion limits). Only GSM providers are kept; CDMA-only ones have no APN.
 */
public final class ProviderDatabase {

    /** Where Debian's package puts it. */
    public static final Path DEBIAN = Path.of("/usr/share/mobile-broadband-provider-info/serviceproviders.xml");

    private final List<Provider> providers;

    private ProviderDatabase(List<Provider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * Reads the whole file (about 360 KB, some 2000 GSM providers).
     *
     * @throws QmiConnException TOOL_MISSING when the file is not there, BAD_INPUT when it is not the format
     */
    public static ProviderDatabase read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new InputSource(in), file.toString());
        } catch (NoSuchFileException e) {
            throw new QmiConnException(ExitCode.TOOL_MISSING, "the provider database " + file + " is missing "
                    + "(apt install mobile-broadband-provider-info)");
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read the provider database " + file + ": "
                    + e.getMessage());
        }
    }

    static ProviderDatabase parse(String xml, String origin) {
        return parse(new InputSource(new StringReader(xml)), origin);
    }

    private static ProviderDatabase parse(InputSource source, String origin) {
        Handler h = new Handler();
        try {
            parser().parse(source, h);
        } catch (SAXParseException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "the provider database " + origin + " is not valid XML "
                    + "(line " + e.getLineNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read the provider database " + origin + ": "
                    + e.getMessage());
        }
        if (!h.sawRoot) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "the provider database " + origin
                    + " has no <serviceproviders> root: not mobile-broadband-provider-info");
        }
        return new ProviderDatabase(h.providers);
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return p;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a safety feature: " + e.getMessage(), e);
        }
    }

    /** Every GSM provider, in file order. */
    public List<Provider> providers() {
        return providers;
    }

    /** Providers listing this network, in file order (the order NetworkManager searches in). */
    public List<Provider> providersFor(OperatorId id) {
        return providers.stream().filter(p -> p.networkIds().contains(id)).toList();
    }

    private static final class Handler extends DefaultHandler {
        final List<Provider> providers = new ArrayList<>();
        final Deque<String> path = new ArrayDeque<>();
        final StringBuilder text = new StringBuilder();
        boolean sawRoot;
        String country;
        String providerName;
        boolean gsm;
        List<OperatorId> ids;
        List<Provider.Apn> apns;
        String apnValue;
        String usage;
        String apnName;
        String user;
        String password;
        String auth;

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader("")); // belt and braces: nothing external, ever
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            String parent = path.peek();
            path.push(qName);
            text.setLength(0);
            switch (qName) {
                case "serviceproviders" -> sawRoot = true;
                case "country" -> country = a.getValue("code");
                case "provider" -> {
                    providerName = null;
                    gsm = false;
                    ids = new ArrayList<>();
                    apns = new ArrayList<>();
                }
                case "gsm" -> gsm = "provider".equals(parent);
                case "network-id" -> {
                    if (ids != null) {
                        networkId(a.getValue("mcc"), a.getValue("mnc"));
                    }
                }
                case "apn" -> {
                    apnValue = a.getValue("value");
                    usage = null;
                    apnName = null;
                    user = null;
                    password = null;
                    auth = null;
                }
                case "usage" -> usage = "apn".equals(parent) ? a.getValue("type") : usage;
                case "authentication" -> auth = "apn".equals(parent) ? a.getValue("method") : auth;
                default -> { }
            }
        }

        private void networkId(String mcc, String mnc) {
            try {
                ids.add(new OperatorId(mcc == null ? null : mcc.strip(), mnc == null ? null : mnc.strip()));
            } catch (IllegalArgumentException e) {
                // a malformed id cannot match a SIM; the rest of the provider still counts
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            path.pop();
            String parent = path.peek();
            String stripped = text.toString().strip();
            String value = stripped.isEmpty() ? null : stripped;
            text.setLength(0);
            switch (qName) {
                case "name" -> {
                    if ("provider".equals(parent) && providerName == null) {
                        providerName = value;
                    } else if ("apn".equals(parent) && apnName == null) {
                        apnName = value;
                    }
                }
                case "username" -> user = "apn".equals(parent) ? value : user;
                case "password" -> password = "apn".equals(parent) ? value : password;
                case "apn" -> {
                    if (apns != null && apnValue != null && !apnValue.isBlank()) {
                        apns.add(new Provider.Apn(apnValue.strip(), usage, apnName, user, password, auth));
                    }
                }
                case "provider" -> {
                    if (gsm) {
                        providers.add(new Provider(country, providerName == null ? "?" : providerName, ids, apns));
                    }
                    ids = null;
                    apns = null;
                }
                default -> { }
            }
        }
    }
}
