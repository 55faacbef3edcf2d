#!/bin/sh
# The kernel run's workload, run by the guest's /init between starting and
# stopping both tracers: a little of each subsystem a tracer follows.
# Environment: DISK (an ext4 block device), CYCLE_MODULES (module files to
# load and unload, dependencies first).

step() { echo "== $*"; echo "ltt-guest: workload: $*" > /dev/console; }

step fork and exec
i=0
while [ $i -lt 100 ]; do
	/bin/true
	i=$((i + 1))
done

step pipes
dd if=/dev/zero bs=4096 count=1024 2>/dev/null | cat > /dev/null
seq 1 2000 | sort -r | uniq | wc -l

step signals
ltt-guest signals 100
sleep 5 &
kill -TERM $!
wait

step timers
ltt-guest timers 200
usleep 20000
sleep 1

step ext4
mkdir -p /data
if mount -t ext4 "$DISK" /data; then
	dd if=/dev/urandom of=/data/big bs=65536 count=64 2>/dev/null
	sync
	mkdir -p /data/dir
	i=0
	while [ $i -lt 100 ]; do
		echo "file $i" > /data/dir/f$i
		i=$((i + 1))
	done
	sync
	cat /data/dir/* > /dev/null
	mv /data/dir /data/moved
	rm -r /data/moved
	truncate -s 4096 /data/big 2>/dev/null || : > /data/big
	sync
	echo 3 > /proc/sys/vm/drop_caches
	cat /data/big > /dev/null
	umount /data
else
	echo "cannot mount $DISK"
fi

step network
ip link set lo up
ping -c 20 -i 0.05 127.0.0.1
nc -l -p 5000 > /dev/null &
sleep 1
dd if=/dev/zero bs=4096 count=256 2>/dev/null | nc -w 2 127.0.0.1 5000
wait

step modules
loaded=
for m in $CYCLE_MODULES; do
	insmod "$m" && loaded="$m $loaded"
done
for m in $loaded; do
	rmmod "$m"
done

step memory
ltt-guest memhog 70

step done
