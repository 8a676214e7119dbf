package dev.qmiconn.qmi.model;

/**
 * {@code --wda-get-data-format}: how the modem frames packets. Null fields were not printed (the TLV was
 * absent); aggregation protocols are qmicli's words ({@code disabled}, {@code qmap}, ...).
 */
public record DataFormat(Boolean qosFlowHeader, LinkLayer linkLayer, String uplinkAggregation,
                         String downlinkAggregation, Long ndpSignature, Long downlinkMaxDatagrams,
                         Long downlinkMaxSize) {
}
