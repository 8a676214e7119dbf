#!/usr/bin/env python3
"""Builds the doctor fixture trees in this directory (run from anywhere; it rewrites them in place).

Each tree is a root prefix for `qmi-conn doctor --root DIR`: sys/ (sysfs as the kernel lays it out, with
RELATIVE symlinks that stay valid inside the tree), dev/ (empty regular files standing in for device nodes),
proc/ (comm files, fd symlinks), etc/, usr/ and var/lib/dpkg/status. The README.md in each tree says which real
machine it models. Git stores the symlinks as symlinks; `git clone` recreates them.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

PI3_USB = "sys/devices/platform/soc/3f980000.usb/usb1"          # Raspberry Pi 3 B (dwc_otg)
PC_USB = "sys/devices/pci0000:00/0000:00:14.0/usb1"              # Intel xHCI on a PC/laptop


class Tree:
    def __init__(self, name):
        self.root = os.path.join(HERE, name)
        expected = os.path.join(self.root, "expected-findings.txt")
        kept = open(expected).read() if os.path.exists(expected) else None
        if os.path.exists(self.root):
            shutil.rmtree(self.root)
        os.makedirs(self.root)
        if kept is not None:  # written by hand, checked by FixtureTreesTest
            self.write("expected-findings.txt", kept)

    def p(self, rel):
        return os.path.join(self.root, rel)

    def write(self, rel, text="", mode=0o644):
        path = self.p(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)

    def link(self, rel, target_rel):
        """rel -> target_rel, both relative to the tree root; stored as a relative link."""
        path = self.p(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        assert os.path.exists(self.p(target_rel)), "link target missing: " + target_rel
        os.symlink(os.path.relpath(self.p(target_rel), os.path.dirname(path)), path)

    def abs_link(self, rel, target):
        """A link whose target is an absolute system path (like /proc/PID/fd/N -> /dev/cdc-wdm0)."""
        path = self.p(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.symlink(target, path)

    def program(self, path):
        self.write(path.lstrip("/"), "#!/bin/sh\n# stand-in for %s in a doctor fixture tree\nexit 0\n" % path,
                   0o755)

    def usb_device(self, parent, sysname, vid, pid, product):
        d = "%s/%s" % (parent, sysname)
        self.write(d + "/idVendor", vid + "\n")
        self.write(d + "/idProduct", pid + "\n")
        self.write(d + "/product", product + "\n")
        self.link("sys/bus/usb/devices/" + sysname, d)
        return d

    def interface(self, dev_dir, sysname, num, driver):
        i = "%s/%s:1.%d" % (dev_dir, sysname, num)
        self.write(i + "/bInterfaceNumber", "%02x\n" % num)
        if driver:
            self.write("sys/bus/usb/drivers/%s/uevent" % driver)
            self.link(i + "/driver", "sys/bus/usb/drivers/" + driver)
        self.link("sys/bus/usb/devices/%s:1.%d" % (sysname, num), i)
        return i

    def control(self, iface_dir, name, minor):
        c = "%s/usbmisc/%s" % (iface_dir, name)
        self.write(c + "/dev", "180:%d\n" % minor)
        self.link(c + "/device", iface_dir)
        self.link("sys/class/usbmisc/" + name, c)
        self.write("dev/" + name)

    def net(self, iface_dir, name, arphrd, raw_ip=None):
        n = "%s/net/%s" % (iface_dir, name)
        self.write(n + "/type", "%d\n" % arphrd)
        if raw_ip is not None:
            self.write(n + "/qmi/raw_ip", raw_ip + "\n")
        self.link(n + "/device", iface_dir)
        self.link("sys/class/net/" + name, n)

    def tty(self, iface_dir, name, serial_driver):
        port = "%s/%s" % (iface_dir, name)
        self.write("sys/bus/usb-serial/drivers/%s/uevent" % serial_driver)
        self.link(port + "/driver", "sys/bus/usb-serial/drivers/" + serial_driver)
        t = port + "/tty/" + name
        self.write(t + "/dev", "188:%s\n" % name[len("ttyUSB"):])
        self.link(t + "/device", port)
        self.link("sys/class/tty/" + name, t)
        self.write("dev/" + name)

    def proc(self, pid, comm, fds=None):
        self.write("proc/%d/comm" % pid, comm + "\n")
        for fd, target in (fds or {}).items():
            self.abs_link("proc/%d/fd/%d" % (pid, fd), target)

    def dpkg(self, packages):
        stanzas = ["Package: %s\nStatus: install ok installed\nVersion: %s\n" % (p, v) for p, v in packages]
        self.write("var/lib/dpkg/status", "\n".join(stanzas))

    def readme(self, text):
        self.write("README.md", text)


def pi3_base(t):
    """Raspberry Pi 3 B: root hub, the LAN9514 hub on 1-1 and its Ethernet on 1-1.1 (always present)."""
    t.usb_device(PI3_USB.rsplit("/", 1)[0], "usb1", "1d6b", "0002", "DWC OTG Controller")
    hub = t.usb_device(PI3_USB, "1-1", "0424", "9514", "")
    eth = t.usb_device(hub, "1-1.1", "0424", "ec00", "")
    t.interface(eth, "1-1.1", 0, "smsc95xx")
    t.proc(1, "systemd")
    return hub


RASPBIAN_INTERFACES = """# interfaces(5) file used by ifup(8) and ifdown(8)

# Please note that this file is written to be used with dhcpcd
# For static IP, consult /etc/dhcpcd.conf and 'man dhcpcd.conf'

# Include files from /etc/network/interfaces.d:
source-directory /etc/network/interfaces.d
"""

GUIDE_STANZA = """allow-hotplug wwan0
iface wwan0 inet dhcp
     pre-up for _ in $(seq 1 10); do /usr/bin/test -c /dev/cdc-wdm0 && break; /bin/sleep 1; done
     pre-up for _ in $(seq 1 10); do /usr/bin/qmicli -d /dev/cdc-wdm0 --nas-get-signal-strength && break; /bin/sleep 1; done
     pre-up APN=fast.metropcs.com /usr/bin/qmi-network /dev/cdc-wdm0 start
     post-down /usr/bin/qmi-network /dev/cdc-wdm0 stop
"""

DEBIAN12_INTERFACES = """# This file describes the network interfaces available on your system
# and how to activate them. For more information, see interfaces(5).

source /etc/network/interfaces.d/*

# The loopback network interface
auto lo
iface lo inet loopback
"""


def raspbian_system(t, extra_packages, libqmi_version):
    t.program("/usr/bin/qmicli")
    t.program("/usr/bin/qmi-network")
    t.program("/sbin/dhcpcd")
    t.program("/sbin/dhclient")
    t.write("lib/dhcpcd/dhcpcd-hooks/20-resolv.conf", "# dhcpcd hook (stand-in): prepends /etc/resolv.conf.head\n")
    t.proc(402, "dhcpcd")
    t.write("etc/network/interfaces", RASPBIAN_INTERFACES)
    t.write("etc/resolv.conf.head", "#OpenDns Servers\nnameserver 1.1.1.1\nnameserver 1.0.0.1\n")
    t.write("etc/resolv.conf", "# Generated by resolvconf\nnameserver 192.168.1.1\n")
    t.dpkg([("libqmi-utils", libqmi_version), ("dhcpcd5", "1:6.11.5-1+rpt7"),
            ("isc-dhcp-client", "4.3.5-3+deb9u1")] + extra_packages)


def e397_storage():
    t = Tree("e397u53-storage")
    hub = pi3_base(t)
    d = t.usb_device(hub, "1-1.3", "12d1", "1505", "HUAWEI Mobile")
    t.interface(d, "1-1.3", 0, "usb-storage")
    raspbian_system(t, [], "1.16.2-1")
    t.write("etc/network/interfaces.d/wwan0.cfg", GUIDE_STANZA)
    t.readme("""# E397u-53 in mass-storage mode (Raspberry Pi 3 B, Raspbian 9 Stretch)

Models the first Raspberry Pi guide's "Without usb-modeswitch" state: `lsusb` shows
`ID 12d1:1505 Huawei Technologies Co., Ltd. E398 LTE/UMTS/GSM Modem/Networkcard`, the dongle exposes only its
virtual CD-ROM (interface 1-1.3:1.0 on usb-storage), so there is no /dev/cdc-wdm0, no wwan0 and no ttyUSB.

- USB: Pi 3 B layout (dwc_otg 3f980000.usb, LAN9514 hub 0424:9514 on 1-1, Ethernet 0424:ec00 on 1-1.1); the
  dongle on port 1-1.3.
- System: usb-modeswitch NOT installed; libqmi-utils 1.16.2 (Stretch's version, the Metro PCS guide's bug);
  dhcpcd running with its 20-resolv.conf hook; isc dhclient; no udhcpc.
- ifupdown: Raspbian's `source-directory /etc/network/interfaces.d` and the guide's stanza saved as `wwan0.cfg`
  (ignored: the name has a dot).
- Built by ../make-trees.py.
""")


def e397_modem():
    t = Tree("e397u53-modem")
    hub = pi3_base(t)
    d = t.usb_device(hub, "1-1.3", "12d1", "1506", "HUAWEI Mobile")
    t.tty(t.interface(d, "1-1.3", 0, "option"), "ttyUSB0", "option1")
    qmi = t.interface(d, "1-1.3", 1, "qmi_wwan")
    t.control(qmi, "cdc-wdm0", 0)
    t.net(qmi, "wwan0", 1, "N")
    t.tty(t.interface(d, "1-1.3", 2, "option"), "ttyUSB1", "option1")
    t.tty(t.interface(d, "1-1.3", 3, "option"), "ttyUSB2", "option1")
    t.interface(d, "1-1.3", 4, "usb-storage")
    raspbian_system(t, [("usb-modeswitch", "2.5.0+repack0-1"), ("usb-modeswitch-data", "20170205-1"),
                        ("udhcpc", "1:1.30.1-6")], "1.26.10-0.1")
    t.program("/sbin/udhcpc")
    t.write("etc/network/interfaces.d/wwan0", GUIDE_STANZA)
    t.write("etc/dhcpcd.conf", "hostname\nclientid\npersistent\n# qmi-conn runs DHCP on the modem\ndenyinterfaces wwan0\n")
    t.readme("""# E397u-53 in modem mode (Raspberry Pi 3 B, Raspberry Pi OS)

Models the guides' working state after usb-modeswitch: `lsusb` shows `ID 12d1:1506 Huawei Technologies Co., Ltd.
Modem/Networkcard`; qmi_wwan drives the control interface (/dev/cdc-wdm0, network interface wwan0 in 802.3
mode: raw_ip=N, type 1 = ARPHRD_ETHER, the E397u-53 has no WDA and speaks 802-3); the option driver gives
ttyUSB0 (AT), ttyUSB1 (errors), ttyUSB2 (GPS) as the first guide describes; a card-reader interface on usb-storage.

- USB: Pi 3 B layout, dongle on port 1-1.3; interface numbers 0-4 follow the usual Huawei order (serial ports
  around the QMI function) and are illustrative: doctor finds devices by links, not numbers.
- System: usb-modeswitch 2.5.0, libqmi-utils, udhcpc and isc dhclient, dhcpcd running with its resolv.conf hook,
  /etc/resolv.conf.head from the Metro PCS guide, the guide's interfaces.d/wwan0 stanza (a valid name),
  `denyinterfaces wwan0` in /etc/dhcpcd.conf (so dhcpcd leaves the modem to qmi-conn).
- Built by ../make-trees.py.
""")


def quectel_rawip():
    t = Tree("quectel-ec25-rawip")
    t.usb_device(PC_USB.rsplit("/", 1)[0], "usb1", "1d6b", "0002", "xHCI Host Controller")
    d = t.usb_device(PC_USB, "1-4", "2c7c", "0125", "EC25")
    for num, tty in ((0, "ttyUSB0"), (1, "ttyUSB1"), (2, "ttyUSB2"), (3, "ttyUSB3")):
        t.tty(t.interface(d, "1-4", num, "option"), tty, "option1")
    qmi = t.interface(d, "1-4", 4, "qmi_wwan")
    t.control(qmi, "cdc-wdm0", 0)
    t.net(qmi, "wwp0s20u4i4", 65534, "Y")
    t.proc(1, "systemd")
    t.program("/usr/bin/qmicli")
    t.program("/usr/bin/qmi-network")
    t.program("/sbin/dhclient")
    t.write("etc/network/interfaces", DEBIAN12_INTERFACES)
    t.write("run/systemd/resolve/stub-resolv.conf", "nameserver 127.0.0.53\n")
    t.link("etc/resolv.conf", "run/systemd/resolve/stub-resolv.conf")
    t.dpkg([("libqmi-utils", "1.32.2-1"), ("isc-dhcp-client", "4.4.3-P1-2")])
    t.readme("""# Quectel EC25 on qmi_wwan, raw-ip, renamed interface (x86 PC, Debian 12)

Models a Quectel EC25 (2c7c:0125, listed in Linux's qmi_wwan.c as "Quectel EC25, EC20 R2.0 Mini PCIe") on a
PC's xHCI port 4: interfaces 0-3 on option (ttyUSB0 DM, ttyUSB1 NMEA, ttyUSB2 AT, ttyUSB3 modem), interface 4 on
qmi_wwan with /dev/cdc-wdm0. udev's predictable naming renamed wwan0 to `wwp0s20u4i4` (PCI slot 0x14 = 20, USB
port 4, interface 4). The link is in raw-ip mode (raw_ip=Y, type 65534 = ARPHRD_NONE), as modern Qualcomm
modems require.

- System: Debian 12 defaults: libqmi-utils 1.32.2, isc dhclient only (no udhcpc: dhclient cannot lease on
  raw-ip), /etc/resolv.conf -> systemd-resolved's stub, interfaces(5) with `source /etc/network/interfaces.d/*`.
- Built by ../make-trees.py.
""")


def sierra_mbim():
    t = Tree("sierra-em7455-mbim")
    t.usb_device(PC_USB.rsplit("/", 1)[0], "usb1", "1d6b", "0002", "xHCI Host Controller")
    d = t.usb_device(PC_USB, "1-3", "1199", "9079", "Sierra Wireless EM7455 Qualcomm Snapdragon X7 LTE-A")
    for num, tty in ((0, "ttyUSB0"), (2, "ttyUSB1"), (3, "ttyUSB2")):
        t.tty(t.interface(d, "1-3", num, "qcserial"), tty, "qcserial")
    mbim = t.interface(d, "1-3", 12, "cdc_mbim")
    t.interface(d, "1-3", 13, "cdc_mbim")
    t.control(mbim, "cdc-wdm0", 0)
    t.net(mbim, "wwp0s20f0u3i12", 65534)
    t.proc(1, "systemd")
    t.program("/usr/bin/qmicli")
    t.program("/usr/bin/qmi-network")
    t.program("/usr/sbin/udhcpc")
    t.write("etc/resolv.conf", "# Generated by NetworkManager\nnameserver 192.168.1.1\n")
    t.dpkg([("libqmi-utils", "1.32.2-1"), ("udhcpc", "1:1.35.0-4")])
    t.readme("""# Sierra Wireless EM7455 in its MBIM composition (laptop, Debian 12)

Models an EM7455 (1199:9079, "Sierra Wireless EM74xx" in Linux's qmi_wwan.c) in the MBIM-first USB composition
many laptops ship: interfaces 0, 2, 3 on qcserial (ttyUSB0 DM, ttyUSB1 NMEA, ttyUSB2 AT), interfaces 12/13 on
cdc_mbim, so /dev/cdc-wdm0 speaks MBIM, not QMI; the network interface is `wwp0s20f0u3i12` (no qmi/ directory:
cdc_mbim has no raw_ip switch, its link is always ARPHRD_NONE).

- System: NetworkManager-style /etc/resolv.conf, no /etc/network/interfaces, udhcpc, libqmi-utils 1.32.2.
- Built by ../make-trees.py.
""")


def nothing():
    t = Tree("nothing-plugged")
    pi3_base(t)
    raspbian_system(t, [("usb-modeswitch", "2.5.0+repack0-1"), ("udhcpc", "1:1.30.1-6")], "1.26.10-0.1")
    t.program("/sbin/udhcpc")
    t.readme("""# Nothing plugged in (Raspberry Pi 3 B, Raspberry Pi OS)

Models a Pi 3 B with no modem: only the root hub (1d6b:0002), the LAN9514 hub (0424:9514) and its Ethernet
(0424:ec00) in /sys/bus/usb/devices; no /sys/class/usbmisc, no /dev/cdc-wdm*, no ttyUSB.

- System: the same Raspberry Pi OS tools as e397u53-modem (libqmi-utils, usb-modeswitch 2.5.0, udhcpc, dhcpcd).
- Built by ../make-trees.py.
""")


if __name__ == "__main__":
    e397_storage()
    e397_modem()
    quectel_rawip()
    sierra_mbim()
    nothing()
