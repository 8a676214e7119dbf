package dev.qmiconn.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What sysfs says is plugged in: USB devices with known modem ids, the cdc-wdm control devices with their
 * drivers and network interfaces, and the ttyUSB ports. Read once per doctor run; the checks judge it.
 *
 * <p>Layout read (Linux 4.x-6.x, e.g. a Raspberry Pi with the modem on port 1-1.3):
 * <pre>
 * /sys/bus/usb/devices/1-1.3/{idVendor,idProduct,product}
 * /sys/class/usbmisc/cdc-wdm0/device -> ../../../1-1.3:1.1        (the USB interface)
 * /sys/class/usbmisc/cdc-wdm0/device/driver -> .../bus/usb/drivers/qmi_wwan
 * /sys/class/usbmisc/cdc-wdm0/device/net/wwan0/                    (the interface's current name)
 * /sys/class/net/wwan0/qmi/raw_ip                                  (Linux 4.5+)
 * /sys/class/tty/ttyUSB0/device/driver -> .../bus/usb-serial/drivers/option1
 * </pre>
 */
public record Hardware(List<UsbDevice> usbDevices, List<ControlDevice> controlDevices, List<TtyPort> ttyPorts) {

    /** One USB device (not interface) with its ids; {@code known} when the id is in {@link KnownModem#TABLE}. */
    public record UsbDevice(String sysName, String vendorId, String productId, String product,
                            Optional<KnownModem> known) {
        public String usbId() {
            return vendorId + ":" + productId;
        }
    }

    /**
     * A QMI/MBIM control device. {@code driver} is the kernel driver bound to its interface (qmi_wwan,
     * cdc_mbim, ...) or empty; {@code netInterface} the network interface of the same function (wwan0,
     * wwp0s20u4i8, ...); {@code devNode} whether /dev/NAME exists.
     */
    public record ControlDevice(String name, String driver, Optional<String> netInterface, Optional<String> usbDevice,
                                boolean devNode) {
        public String devPath() {
            return "/dev/" + name;
        }
    }

    /** A USB serial port; {@code driver} is option, qcserial, GobiSerial, ... */
    public record TtyPort(String name, String driver, Optional<String> usbDevice) {
    }

    public Hardware {
        usbDevices = List.copyOf(usbDevices);
        controlDevices = List.copyOf(controlDevices);
        ttyPorts = List.copyOf(ttyPorts);
    }

    public List<UsbDevice> knownModems() {
        return usbDevices.stream().filter(d -> d.known().isPresent()).toList();
    }

    public static Hardware scan(SystemRoot sys) {
        List<UsbDevice> usb = new ArrayList<>();
        for (String name : sys.list("/sys/bus/usb/devices")) {
            String dir = "/sys/bus/usb/devices/" + name;
            Optional<String> vid = sys.read(dir + "/idVendor");
            Optional<String> pid = sys.read(dir + "/idProduct");
            if (vid.isPresent() && pid.isPresent()) {
                usb.add(new UsbDevice(name, vid.get(), pid.get(), sys.read(dir + "/product").orElse(""),
                        KnownModem.lookup(vid.get(), pid.get())));
            }
        }
        List<String> names = new ArrayList<>(sys.list("/sys/class/usbmisc"));
        for (String dev : sys.listStartingWith("/dev", "cdc-wdm")) {
            if (!names.contains(dev)) {
                names.add(dev);
            }
        }
        List<ControlDevice> control = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            String device = "/sys/class/usbmisc/" + name + "/device";
            control.add(new ControlDevice(name, sys.linkName(device + "/driver").orElse(""),
                    sys.list(device + "/net").stream().findFirst(), usbDeviceOf(sys, device, 1),
                    sys.exists("/dev/" + name)));
        }
        List<TtyPort> ttys = new ArrayList<>();
        for (String name : sys.listStartingWith("/sys/class/tty", "ttyUSB")) {
            String device = "/sys/class/tty/" + name + "/device";
            ttys.add(new TtyPort(name, serialDriver(sys.linkName(device + "/driver").orElse("")),
                    usbDeviceOf(sys, device, 2)));
        }
        return new Hardware(usb, control, ttys);
    }

    /** usb-serial names its option driver "option1" on the usb-serial bus; people know it as "option". */
    static String serialDriver(String linkName) {
        return linkName.equals("option1") ? "option" : linkName;
    }

    /** Walks {@code levels} directories up from a device link to the USB device that holds idVendor. */
    private static Optional<String> usbDeviceOf(SystemRoot sys, String deviceLink, int levels) {
        Optional<String> real = sys.realPath(deviceLink);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        String path = real.get();
        for (int i = 0; i < levels && path.lastIndexOf('/') > 0; i++) {
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return sys.exists(path + "/idVendor") ? Optional.of(path.substring(path.lastIndexOf('/') + 1))
                : Optional.empty();
    }
}
