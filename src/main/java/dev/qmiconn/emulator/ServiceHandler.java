package dev.qmiconn.emulator;

/** One QMI service of the emulated modem. Called with the modem lock held. */
interface ServiceHandler {

    /** QMI service number (QmiService: WDS 0x01, DMS 0x02, NAS 0x03, UIM 0x0B, WDA 0x1A). */
    int service();

    Reply handle(QmiMessage request, ModemState modem);
}
