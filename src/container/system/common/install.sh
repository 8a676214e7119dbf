#!/bin/sh
# Shared by every variant: the boot-time realism unit, and units that have nothing to do in a container.
set -eu
here=/usr/local/lib/qmi-conn-test/common
install -m 644 "$here/qmi-conn-test-realism.service" /etc/systemd/system/
systemctl enable qmi-conn-test-realism.service
# no consoles, no udev (no kernel devices are ours to manage), no hardware clock in a container
systemctl mask getty@tty1.service serial-getty@console.service console-getty.service \
    systemd-udevd.service systemd-udev-trigger.service systemd-hwdb-update.service \
    systemd-firstboot.service systemd-timesyncd.service 2>/dev/null || true
# a member of the qmi-conn group and someone who is not, for the status permission scenarios
useradd --create-home --shell /bin/sh pi
useradd --create-home --shell /bin/sh guest
echo qmi-conn-test > /etc/hostname
