package dev.qmiconn.emulator;

/**
 * Wireless data administrative service: the data format (802-3 or raw-ip). Modems without it (the
 * E397u-53) never get here: CTL refuses the client id with InvalidServiceType.
 */
final class WdaService implements ServiceHandler {

    static final int SERVICE = 0x1A;
    static final int SET_DATA_FORMAT = 0x0020;
    static final int GET_DATA_FORMAT = 0x0021;

    @Override
    public int service() {
        return SERVICE;
    }

    @Override
    public Reply handle(QmiMessage request, ModemState modem) {
        return switch (request.messageId()) {
            case GET_DATA_FORMAT -> format(modem);
            case SET_DATA_FORMAT -> set(request, modem);
            default -> Reply.error(QmiError.INVALID_QMI_COMMAND);
        };
    }

    private static Reply set(QmiMessage request, ModemState modem) {
        java.util.Optional<Tlv> layer = request.tlv(0x11);
        if (layer.isPresent()) {
            if (layer.get().length() != 4) {
                return Reply.error(QmiError.MALFORMED_MESSAGE);
            }
            int value = layer.get().reader().getInt();
            if (value != 1 && value != 2) {
                return Reply.error(QmiError.INVALID_QMI_COMMAND);
            }
            modem.linkLayer().setProtocol(value);
        }
        return format(modem);
    }

    /** QoS off, link layer (QmiWdaLinkLayerProtocol: 1 802-3, 2 raw-ip), no aggregation either way. */
    private static Reply format(ModemState modem) {
        return Reply.ok(Tlv.u8(0x10, 0), Tlv.u32(0x11, modem.linkLayer().protocol()), Tlv.u32(0x12, 0), Tlv.u32(0x13, 0));
    }
}
