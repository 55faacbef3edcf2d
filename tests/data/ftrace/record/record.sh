#!/bin/bash
# Records the ftrace test cases (cases.sh) on a real kernel booted under QEMU.
# usage: record.sh <unpacked linux-image package> <output directory>
# The package is unpacked with `dpkg-deb -x linux-image-<abi>-amd64_*.deb DIR`;
# needs qemu-system-x86, busybox-static, cpio and gcc.
set -euo pipefail
root=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
vmlinuz=$(ls "$root"/boot/vmlinuz-*)
modules=$(ls -d "$root"/lib/modules/*)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"/initramfs/{bin,modules,mnt,proc,sys,dev}
cp /bin/busybox "$work"/initramfs/bin/busybox
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev \
	virtio_pci 9pnet 9pnet_virtio netfs fscache 9p; do
	cp "$(find "$modules"/kernel -name "$m.ko")" "$work"/initramfs/modules/
done
gcc -static -O2 -Wall -o "$work"/initramfs/rawpages "$here"/rawpages.c
cp "$here"/init.sh "$work"/initramfs/init
cp "$here"/cases.sh "$work"/initramfs/cases.sh
chmod +x "$work"/initramfs/init
(cd "$work"/initramfs && find . | cpio -o -H newc --quiet | gzip) > "$work"/initrd.gz
mkdir -p "$out"
qemu-system-x86_64 -m 512 -smp 2 -nographic -no-reboot \
	-kernel "$vmlinuz" -initrd "$work"/initrd.gz \
	-append "console=ttyS0 quiet panic=-1 loglevel=4" \
	-virtfs local,path="$out",mount_tag=out,security_model=none,id=out
