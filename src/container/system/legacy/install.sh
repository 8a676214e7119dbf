#!/bin/sh
# Legacy Raspbian-like (buster/bullseye style): ifupdown + dhcpcd + openresolv, /etc/resolv.conf written by
# resolvconf from dhcpcd's hooks and /etc/resolv.conf.head.
set -eu
apt-get install -y --no-install-recommends ifupdown dhcpcd5 openresolv
# without udev dhcpcd must find interfaces itself
grep -qx nodev /etc/dhcpcd.conf || echo nodev >> /etc/dhcpcd.conf
printf 'source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n' > /etc/network/interfaces
mkdir -p /etc/network/interfaces.d
systemctl enable dhcpcd.service networking.service
