package dev.qmiconn.qmi.parse;

import dev.qmiconn.qmi.model.DeviceIds;
import dev.qmiconn.qmi.model.Iccid;
import dev.qmiconn.qmi.model.Imsi;
import dev.qmiconn.qmi.model.OperatingMode;
import dev.qmiconn.qmi.model.OperatingModeStatus;

/** Parsers for qmicli's DMS (device management) actions; same format from 1.16 to 1.32. */
public final class DmsParsers {

    private DmsParsers() {
    }

    /**
     * {@code --dms-get-ids}:
     * <pre>
     * [/dev/cdc-wdm0] Device IDs retrieved:
     * 	    ESN: '0'
     * 	   IMEI: '867935012345678'
     * 	   MEID: 'unknown'
     * 	IMEI SV: '11'
     * </pre>
     * ({@code IMEI SV} only from modems that report it, 1.2x+). {@code 'unknown'} becomes null.
     */
    public static DeviceIds ids(String out) {
        String a = "--dms-get-ids";
        Fields.requireHeader(a, out, "Device IDs retrieved:");
        return new DeviceIds(Fields.nullIfUnknown(Fields.require(a, out, "ESN")),
                Fields.nullIfUnknown(Fields.require(a, out, "IMEI")),
                Fields.nullIfUnknown(Fields.require(a, out, "MEID")),
                Fields.value(out, "IMEI SV").orElse(null));
    }

    /**
     * {@code --dms-uim-get-iccid} (DMS UIM Get ICCID, 0x003C; same text from 1.0 to 1.32):
     * <pre>
     * [/dev/cdc-wdm0] UIM ICCID retrieved:
     * 	ICCID: '8901260842100012345'
     * </pre>
     * A value that is not 18-20 digits (qmicli prints {@code 'unknown'} when the TLV is missing) is a parse error.
     */
    public static Iccid iccid(String out) {
        String a = "--dms-uim-get-iccid";
        Fields.requireHeader(a, out, "UIM ICCID retrieved:");
        String v = Fields.require(a, out, "ICCID");
        if (!Iccid.isValid(v)) {
            throw QmicliParseException.of(a, "ICCID '" + v + "' is not 18-20 digits", out);
        }
        return new Iccid(v);
    }

    /**
     * {@code --dms-uim-get-imsi} (DMS UIM Get IMSI, 0x0043; same text from 1.0 to 1.32):
     * <pre>
     * [/dev/cdc-wdm0] UIM IMSI retrieved:
     * 	IMSI: '311660123456789'
     * </pre>
     */
    public static Imsi imsi(String out) {
        String a = "--dms-uim-get-imsi";
        Fields.requireHeader(a, out, "UIM IMSI retrieved:");
        String v = Fields.require(a, out, "IMSI");
        if (!Imsi.isValid(v)) {
            throw QmicliParseException.of(a, "IMSI '" + v + "' is not 6-15 digits", out);
        }
        return new Imsi(v);
    }

    /**
     * {@code --dms-get-manufacturer}:
     * <pre>
     * [/dev/cdc-wdm0] Device manufacturer retrieved:
     * 	Manufacturer: 'huawei'
     * </pre>
     */
    public static String manufacturer(String out) {
        Fields.requireHeader("--dms-get-manufacturer", out, "Device manufacturer retrieved:");
        return Fields.require("--dms-get-manufacturer", out, "Manufacturer");
    }

    /**
     * {@code --dms-get-model}:
     * <pre>
     * [/dev/cdc-wdm0] Device model retrieved:
     * 	Model: 'E397u-53'
     * </pre>
     */
    public static String model(String out) {
        Fields.requireHeader("--dms-get-model", out, "Device model retrieved:");
        return Fields.require("--dms-get-model", out, "Model");
    }

    /**
     * {@code --dms-get-revision}:
     * <pre>
     * [/dev/cdc-wdm0] Device revision retrieved:
     * 	Revision: '11.810.09.00.00'
     * </pre>
     */
    public static String revision(String out) {
        Fields.requireHeader("--dms-get-revision", out, "Device revision retrieved:");
        return Fields.require("--dms-get-revision", out, "Revision");
    }

    /**
     * {@code --dms-get-operating-mode} (the {@code Reason} line only for offline/low-power):
     * <pre>
     * [/dev/cdc-wdm0] Operating mode retrieved:
     * 	Mode: 'low-power'
     * 	Reason: 'none'
     * 	HW restricted: 'no'
     * </pre>
     */
    public static OperatingModeStatus operatingMode(String out) {
        String a = "--dms-get-operating-mode";
        Fields.requireHeader(a, out, "Operating mode retrieved:");
        String mode = Fields.require(a, out, "Mode");
        return new OperatingModeStatus(OperatingMode.fromQmicli(mode), Fields.value(out, "Reason").orElse(null),
                "yes".equals(Fields.value(out, "HW restricted").orElse("no")));
    }
}
