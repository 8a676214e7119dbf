package dev.qmiconn.connect;

import java.io.PrintWriter;
import java.util.Optional;

import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.DataFormat;
import dev.qmiconn.qmi.model.LinkLayer;

/**
 * Step 5 of {@code up}: make the kernel's qmi_wwan framing match the modem's. A mismatch is the classic "session
 * up, no DHCP lease". The modem's format comes from WDA; modems without WDA (the E397u-53 answers
 * InvalidServiceType) always speak 802-3. The kernel side is read and written in sysfs directly (that is all
 * {@code qmicli --get/--set-expected-data-format} do, and it saves two qmicli runs); only when the kernel has no
 * raw_ip attribute (Linux &lt; 4.5) is the modem switched with {@code --wda-set-data-format} instead.
 */
public final class LinkLayerReconciler {

    private final QmiClient qmi;
    private final java.util.function.Supplier<Optional<DataFormat>> wda;
    private final Sysfs sysfs;
    private final NetConfig net;
    private final PrintWriter out;

    public LinkLayerReconciler(QmiClient qmi, Sysfs sysfs, NetConfig net, PrintWriter out) {
        this(qmi, qmi::wdaDataFormat, sysfs, net, out);
    }

    /** {@code wda} answers {@code --wda-get-data-format} (empty: no WDA service), e.g. from {@link NoWdaMemo}. */
    public LinkLayerReconciler(QmiClient qmi, java.util.function.Supplier<Optional<DataFormat>> wda, Sysfs sysfs,
                               NetConfig net, PrintWriter out) {
        this.wda = wda;
        this.qmi = qmi;
        this.sysfs = sysfs;
        this.net = net;
        this.out = out;
    }

    /** Returns the link layer both sides now use. */
    public LinkLayer reconcile(String iface) {
        Optional<DataFormat> wda = this.wda.get();
        LinkLayer modem = wda.map(DataFormat::linkLayer).orElse(LinkLayer.ETHERNET_802_3);
        if (modem != LinkLayer.RAW_IP && modem != LinkLayer.ETHERNET_802_3) {
            out.println("modem reports link layer " + modem.qmicli() + "; leaving it as it is");
            return modem;
        }
        Optional<Boolean> kernelRawIp = sysfs.rawIp(iface);
        boolean wantRaw = modem == LinkLayer.RAW_IP;
        if (kernelRawIp.isEmpty()) {
            if (wantRaw && wda.isPresent()) {
                qmi.wdaSetDataFormat(LinkLayer.ETHERNET_802_3);
                out.println("kernel has no raw_ip switch; modem set to 802-3");
                return LinkLayer.ETHERNET_802_3;
            }
            return modem;
        }
        if (kernelRawIp.get() != wantRaw) {
            net.linkDown(iface); // qmi_wwan: "Device or resource busy" while the link is up
            sysfs.setRawIp(iface, wantRaw);
            out.println("kernel link layer set to " + modem.qmicli() + " to match the modem"
                    + (wda.isEmpty() ? " (no WDA service: 802-3)" : ""));
        }
        return modem;
    }
}
