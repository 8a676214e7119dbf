#!/bin/sh
# systemd-networkd + systemd-resolved, /etc/resolv.conf the stub symlink; no .network file names wwan0.
set -eu
apt-get install -y --no-install-recommends systemd-resolved libnss-resolve
systemctl enable systemd-networkd.service systemd-resolved.service
