package dev.qmiconn.emulator;

/**
 * The link layer the emulated modem frames data in, {@code 802-3} or {@code raw-ip}: the scenario's at power-on,
 * then whatever CTL Set Data Format or WDA Set Data Format last asked for.
 */
final class LinkLayerFormat {

    private String name;

    LinkLayerFormat(String atPowerOn) {
        this.name = atPowerOn;
    }

    synchronized void powerOn(String atPowerOn) {
        name = atPowerOn;
    }

    synchronized String name() {
        return name;
    }

    /** The link layer as CTL Set Data Format and WDA number it alike: 1 802-3, 2 raw-ip. */
    synchronized int protocol() {
        return "raw-ip".equals(name) ? 2 : 1;
    }

    synchronized void setProtocol(int protocol) {
        name = protocol == 2 ? "raw-ip" : "802-3";
    }
}
