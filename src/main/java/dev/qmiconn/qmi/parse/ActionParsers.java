package dev.qmiconn.qmi.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.qmiconn.qmi.LibqmiVersion;

/**
 * Every parser by the qmicli action it reads, named as in the fixture folders
 * ({@code test-fixtures/qmicli/VERSION/ACTION/}): the option without its leading dashes, {@code version} for
 * {@code --version}. Used by the fixture test and by tools that replay recorded transcripts.
 */
public final class ActionParsers {

    private static final Map<String, Function<String, ?>> PARSERS = new LinkedHashMap<>();

    static {
        PARSERS.put("version", LibqmiVersion::parse);
        PARSERS.put("dms-get-ids", DmsParsers::ids);
        PARSERS.put("dms-get-manufacturer", DmsParsers::manufacturer);
        PARSERS.put("dms-get-model", DmsParsers::model);
        PARSERS.put("dms-get-revision", DmsParsers::revision);
        PARSERS.put("dms-get-operating-mode", DmsParsers::operatingMode);
        PARSERS.put("dms-uim-get-iccid", DmsParsers::iccid);
        PARSERS.put("dms-uim-get-imsi", DmsParsers::imsi);
        PARSERS.put("nas-get-home-network", NasParsers::homeNetwork);
        PARSERS.put("uim-get-card-status", UimParsers::cardStatus);
        PARSERS.put("nas-get-signal-strength", NasParsers::signalStrength);
        PARSERS.put("nas-get-serving-system", NasParsers::servingSystem);
        PARSERS.put("wds-start-network", WdsParsers::startNetwork);
        PARSERS.put("wds-get-packet-service-status", WdsParsers::packetServiceStatus);
        PARSERS.put("wds-get-current-settings", WdsParsers::currentSettings);
        PARSERS.put("wds-get-packet-statistics", WdsParsers::packetStatistics);
        PARSERS.put("wda-get-data-format", WdaParsers::dataFormat);
        PARSERS.put("get-expected-data-format", CtlParsers::expectedDataFormat);
        PARSERS.put("get-service-version-info", CtlParsers::serviceVersions);
        PARSERS.put("get-wwan-iface", CtlParsers::wwanIface);
        PARSERS.put("wds-stop-network", AckParsers::stopNetwork);
        PARSERS.put("dms-set-operating-mode", AckParsers::setOperatingMode);
        PARSERS.put("uim-verify-pin", AckParsers::verifyPin);
        PARSERS.put("set-expected-data-format", AckParsers::setExpectedDataFormat);
        PARSERS.put("wda-set-data-format", AckParsers::wdaSetDataFormat);
        PARSERS.put("wds-noop", AckParsers::noop);
        PARSERS.put("dms-noop", AckParsers::noop);
    }

    private ActionParsers() {
    }

    public static Optional<Function<String, ?>> forAction(String action) {
        return Optional.ofNullable(PARSERS.get(action.replaceFirst("^--", "")));
    }

    public static java.util.Set<String> actions() {
        return PARSERS.keySet();
    }
}
