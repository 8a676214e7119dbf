package dev.qmiconn.emulator;

import java.util.NavigableSet;

/**
 * The control service (service 0, always client id 0): version info, client id allocation and release,
 * sync. libqmi sends Get Version Info when opened with {@code --device-open-version-info} and Sync with
 * {@code --device-open-sync}; allocation/release wrap every qmicli call that does not reuse a CID.
 */
final class CtlService implements ServiceHandler {

    static final int GET_VERSION_INFO = 0x0021;
    static final int ALLOCATE_CID = 0x0022;
    static final int RELEASE_CID = 0x0023;
    static final int SET_DATA_FORMAT = 0x0026;
    static final int SYNC = 0x0027;

    /** The modem's other services, ascending (a view of the emulator's own dispatch table). */
    private final NavigableSet<Integer> services;

    CtlService(NavigableSet<Integer> services) {
        this.services = services;
    }

    @Override
    public int service() {
        return QmiMessage.CTL;
    }

    @Override
    public Reply handle(QmiMessage request, ModemState modem) {
        return switch (request.messageId()) {
            case GET_VERSION_INFO -> versionInfo();
            case ALLOCATE_CID -> allocate(request, modem);
            case RELEASE_CID -> release(request, modem);
            case SET_DATA_FORMAT -> setDataFormat(request, modem);
            case SYNC -> {
                modem.releaseAllClientIds();
                yield Reply.ok();
            }
            default -> Reply.error(QmiError.INVALID_QMI_COMMAND);
        };
    }

    private Reply versionInfo() {
        Tlv.Writer w = new Tlv.Writer().u8(services.size() + 1);
        w.u8(QmiMessage.CTL).u16(1).u16(5);
        for (int service : services) {
            int[] version = versionOf(service);
            w.u8(service).u16(version[0]).u16(version[1]);
        }
        return Reply.ok(w.tlv(0x01));
    }

    /** Versions as an MDM9200-era Huawei dongle reports them (only for the log: qmicli 1.32 checks none). */
    private static int[] versionOf(int service) {
        return switch (service) {
            case WdsService.SERVICE -> new int[] {1, 12};
            case DmsService.SERVICE -> new int[] {1, 7};
            case NasService.SERVICE -> new int[] {1, 21};
            case UimService.SERVICE -> new int[] {1, 4};
            default -> new int[] {1, 0};
        };
    }

    private Reply allocate(QmiMessage request, ModemState modem) {
        Tlv tlv = request.tlv(0x01).orElse(null);
        if (tlv == null || tlv.length() < 1) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        int service = tlv.value()[0] & 0xFF;
        if (!services.contains(service)) {
            // The E397u-53 has no WDA: "QMI protocol error (31): 'InvalidServiceType'" (Metro PCS transcript).
            return Reply.error(QmiError.INVALID_SERVICE_TYPE);
        }
        return modem.allocateClientId(service)
                .map(cid -> Reply.ok(new Tlv.Writer().u8(service).u8(cid).tlv(0x01)))
                .orElseGet(() -> Reply.error(QmiError.CLIENT_IDS_EXHAUSTED));
    }

    /** CTL Set Data Format ({@code --device-open-net=net-raw-ip|net-802-3}): TLV 0x10 u16 1 802.3, 2 raw-ip. */
    private static Reply setDataFormat(QmiMessage request, ModemState modem) {
        Tlv protocol = request.tlv(0x10).orElse(null);
        if (protocol == null) {
            return Reply.ok(Tlv.u16(0x10, modem.linkLayer().protocol()));
        }
        if (protocol.length() != 2) {
            return Reply.error(QmiError.MALFORMED_MESSAGE);
        }
        int value = protocol.reader().getShort();
        if (value != 1 && value != 2) {
            return Reply.error(QmiError.INVALID_DATA_FORMAT);
        }
        modem.linkLayer().setProtocol(value);
        return Reply.ok(Tlv.u16(0x10, value));
    }

    private Reply release(QmiMessage request, ModemState modem) {
        Tlv tlv = request.tlv(0x01).orElse(null);
        if (tlv == null || tlv.length() < 2) {
            return Reply.error(QmiError.MISSING_ARGUMENT);
        }
        int service = tlv.value()[0] & 0xFF;
        int cid = tlv.value()[1] & 0xFF;
        if (!modem.releaseClientId(service, cid)) {
            return Reply.error(QmiError.INVALID_CLIENT_ID);
        }
        return Reply.ok(new Tlv.Writer().u8(service).u8(cid).tlv(0x01));
    }
}
