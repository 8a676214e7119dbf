package dev.qmiconn.doctor;

import java.util.List;
import java.util.Optional;

/**
 * A USB modem recognised by vendor and product id. {@code mode} says what the id means: some dongles show a
 * different id before usb-modeswitch turns them into a modem.
 */
public record KnownModem(String vendorId, String productId, String name, Mode mode) {

    public enum Mode {
        /** The dongle presents only its virtual CD-ROM; it needs usb-modeswitch to become a modem. */
        MASS_STORAGE,
        /** A modem whose control interface qmi_wwan (or cdc_mbim in MBIM compositions) drives. */
        MODEM
    }

    /**
     * Ids checked against Linux's qmi_wwan device table (drivers/net/usb/qmi_wwan.c, 6.x: QMI_FIXED_INTF,
     * QMI_QUIRK_SET_DTR and QMI_MATCH_FF_FF_FF entries) and usb_modeswitch's data (12d1:1573). Huawei dongles are
     * matched by the Huawei vendor id plus interface class there, so their ids come from the guides ({@code lsusb}
     * in the Raspberry Pi E397u-53 guide: 12d1:1505 before usb-modeswitch, 12d1:1506 after).
     */
    static final List<KnownModem> TABLE = List.of(
            new KnownModem("12d1", "1505", "Huawei E397u-53 (mass-storage mode)", Mode.MASS_STORAGE),
            new KnownModem("12d1", "1506", "Huawei E397u-53 or another Huawei modem in modem mode", Mode.MODEM),
            new KnownModem("12d1", "1573", "Huawei ME909u-521", Mode.MODEM),
            new KnownModem("12d1", "15c1", "Huawei ME909s", Mode.MODEM),
            new KnownModem("1199", "68c0", "Sierra Wireless MC7304/MC7354", Mode.MODEM),
            new KnownModem("1199", "9041", "Sierra Wireless MC7305/MC7355", Mode.MODEM),
            new KnownModem("1199", "9071", "Sierra Wireless MC7455 (MC74xx)", Mode.MODEM),
            new KnownModem("1199", "9079", "Sierra Wireless EM7455 (EM74xx)", Mode.MODEM),
            new KnownModem("1199", "9091", "Sierra Wireless EM7565", Mode.MODEM),
            new KnownModem("2c7c", "0125", "Quectel EC25/EG25-G (EC20 R2.0)", Mode.MODEM),
            new KnownModem("2c7c", "0121", "Quectel EC21", Mode.MODEM),
            new KnownModem("2c7c", "0296", "Quectel BG96", Mode.MODEM),
            new KnownModem("2c7c", "0306", "Quectel EP06/EG06/EM06", Mode.MODEM),
            new KnownModem("2c7c", "0512", "Quectel EG12/EM12", Mode.MODEM),
            new KnownModem("2c7c", "0800", "Quectel RM500Q-GL", Mode.MODEM),
            new KnownModem("1bc7", "1201", "Telit LE920/LE920A4", Mode.MODEM),
            new KnownModem("1bc7", "1031", "Telit LE910C1-EUX", Mode.MODEM),
            new KnownModem("1bc7", "1230", "Telit LE910Cx", Mode.MODEM),
            new KnownModem("1bc7", "1260", "Telit LE910Cx", Mode.MODEM),
            new KnownModem("1bc7", "1100", "Telit ME910", Mode.MODEM),
            new KnownModem("413c", "81b6", "Dell Wireless 5811e (Sierra EM7455)", Mode.MODEM),
            new KnownModem("05c6", "9215", "Quectel EC20 (Qualcomm id)", Mode.MODEM));

    public static Optional<KnownModem> lookup(String vendorId, String productId) {
        return TABLE.stream()
                .filter(m -> m.vendorId.equalsIgnoreCase(vendorId) && m.productId.equalsIgnoreCase(productId))
                .findFirst();
    }

    public String usbId() {
        return vendorId + ":" + productId;
    }
}
