package dev.qmiconn.qmi.parse;

import dev.qmiconn.qmi.model.DataFormat;
import dev.qmiconn.qmi.model.LinkLayer;

/** Parser for {@code --wda-get-data-format}. */
public final class WdaParsers {

    private WdaParsers() {
    }

    /**
     * {@code --wda-get-data-format} (1.32.2; lines only for the TLVs the modem sent; 1.16 prints
     * {@code Uplink data aggregation max size} instead of the max datagrams line):
     * <pre>
     * [/dev/cdc-wdm0] Successfully got data format
     *                    QoS flow header: no
     *                Link layer protocol: 'raw-ip'
     *   Uplink data aggregation protocol: 'disabled'
     * Downlink data aggregation protocol: 'disabled'
     *                      NDP signature: '0'
     * Downlink data aggregation max datagrams: '0'
     * Downlink data aggregation max size: '0'
     * </pre>
     * A modem without WDA (Huawei E397u-53) fails instead with
     * {@code error: couldn't create client for the 'wda' service: QMI protocol error (31): 'InvalidServiceType'}.
     */
    public static DataFormat dataFormat(String out) {
        String a = "--wda-get-data-format";
        Fields.requireHeader(a, out, "Successfully got data format");
        return new DataFormat(Fields.value(out, "QoS flow header").map(v -> v.equals("yes")).orElse(null),
                Fields.value(out, "Link layer protocol").map(LinkLayer::fromQmicli).orElse(null),
                Fields.value(out, "Uplink data aggregation protocol").orElse(null),
                Fields.value(out, "Downlink data aggregation protocol").orElse(null),
                Fields.longValue(a, out, "NDP signature").orElse(null),
                Fields.longValue(a, out, "Downlink data aggregation max datagrams").orElse(null),
                Fields.longValue(a, out, "Downlink data aggregation max size").orElse(null));
    }
}
