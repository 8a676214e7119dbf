#!/bin/sh
# Raspberry Pi OS bookworm-like: NetworkManager owns networking and writes /etc/resolv.conf itself (a regular
# file, rc-manager's default); ModemManager installed and running, as on the Pi.
set -eu
apt-get install -y --no-install-recommends network-manager modemmanager libqmi-proxy
# ModemManager's unit has ConditionVirtualization=!container; an empty assignment clears the list
mkdir -p /etc/systemd/system/ModemManager.service.d
printf '[Unit]\nConditionVirtualization=\n' > /etc/systemd/system/ModemManager.service.d/container.conf
systemctl enable NetworkManager.service ModemManager.service
