#!/bin/busybox sh
# /init of the recording guest: mount what ftrace needs, the 9p share the
# cases are written to, record every case (cases.sh), power off.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tracefs tracefs /sys/kernel/tracing
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev \
	virtio_pci 9pnet 9pnet_virtio netfs fscache 9p; do
	insmod /modules/$m.ko || echo "record: insmod $m failed"
done
mount -t 9p -o trans=virtio,version=9p2000.L out /mnt || echo "record: no 9p share"
uname -r > /mnt/uname
. /cases.sh
sync
echo "record: done"
poweroff -f
