package dev.qmiconn.qmi.model;

/** {@code --dms-get-ids}; a value qmicli prints as {@code 'unknown'} is null here. */
public record DeviceIds(String esn, String imei, String meid, String imeiSoftwareVersion) {
}
