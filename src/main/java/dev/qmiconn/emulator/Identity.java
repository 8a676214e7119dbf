package dev.qmiconn.emulator;

/** What DMS reports about the device (Get Manufacturer/Model/Revision/IDs); esn/meid/imeiSv may be null. */
public record Identity(String manufacturer, String model, String revision, String imei, String imeiSv,
                       String esn, String meid) {

    static final Identity DEFAULT = new Identity(null, null, null, null, null, null, null);

    public Identity {
        manufacturer = manufacturer == null ? "QUALCOMM INCORPORATED" : manufacturer;
        model = model == null ? "QMI emulator" : model;
        revision = revision == null ? "EMU-1.0" : revision;
        imei = imei == null ? "359072060000000" : imei;
    }
}
