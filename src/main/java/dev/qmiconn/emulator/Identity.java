package dev.qmiconn.emulator;

/**
 * What DMS reports about the device (Get Manufacturer/Model/Revision/IDs) and the SIM (DMS UIM Get ICCID/IMSI),
 * and the SIM's home network as NAS Get Home Network reports it. esn/meid/imeiSv may be null.
 *
 * @param iccid        the SIM's ICCID as the modem hands it over (19-20 digits; some cards pad with 'F')
 * @param imsi         the SIM's IMSI: MCC (3 digits), MNC (2 or 3 digits), subscriber number
 * @param mncLength    how many IMSI digits after the MCC are the MNC (2 or 3; the SIM's EF_AD byte 4).
 *                     Default: 3 for North America's MCCs 310-316, else 2
 * @param homeOperator the home network's name in NAS Get Home Network (default: the radio's operator name)
 */
public record Identity(String manufacturer, String model, String revision, String imei, String imeiSv,
                       String esn, String meid, String iccid, String imsi, Integer mncLength,
                       String homeOperator) {

    static final Identity DEFAULT = new Identity(null, null, null, null, null, null, null, null, null, null, null);

    public Identity {
        manufacturer = manufacturer == null ? "QUALCOMM INCORPORATED" : manufacturer;
        model = model == null ? "QMI emulator" : model;
        revision = revision == null ? "EMU-1.0" : revision;
        imei = imei == null ? "359072060000000" : imei;
        iccid = iccid == null ? "8901260000000000009" : iccid;
        imsi = imsi == null ? "310260000000009" : imsi;
        if (!imsi.matches("[0-9]{6,15}")) {
            throw new IllegalArgumentException("identity.imsi must be 6 to 15 digits, got '" + imsi + "'");
        }
        if (!iccid.matches("[0-9]{18,20}F?")) {
            throw new IllegalArgumentException("identity.iccid must be 18 to 20 digits, got '" + iccid + "'");
        }
        if (mncLength == null) {
            int mcc = Integer.parseInt(imsi.substring(0, 3));
            mncLength = mcc >= 310 && mcc <= 316 ? 3 : 2;
        }
        if (mncLength != 2 && mncLength != 3) {
            throw new IllegalArgumentException("identity.mncLength must be 2 or 3, got " + mncLength);
        }
    }

    /** The home network's MCC, as NAS numbers it. */
    int homeMcc() {
        return Integer.parseInt(imsi.substring(0, 3));
    }

    /** The home network's MNC as a number: NAS sends it as u16, so "030" and "30" look alike on the wire. */
    int homeMnc() {
        return Integer.parseInt(imsi.substring(3, 3 + mncLength));
    }
}
