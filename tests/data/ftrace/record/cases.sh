# The recorded cases, sourced by /init. Each case resets ftrace, records with
# the mono trace clock, and saves into /mnt/<case>/ the tracefs files a reader
# needs: events/header_page, header_event, the format of every enabled event
# (and ftrace/print, the trace_marker event), per_cpu/cpuN/stats, the raw pages
# of per_cpu/cpuN/trace_pipe_raw, and the kernel's own text of the same events
# (trace.txt, and trace-raw.txt with options/raw: pid, cpu, timestamp in ns,
# type) as the oracle the reader's tests compare with.
T=/sys/kernel/tracing

reset() {
	echo 0 > $T/tracing_on
	echo 0 > $T/events/enable
	echo mono > $T/trace_clock
	echo "$2" > $T/options/overwrite
	echo "$1" > $T/buffer_size_kb
	echo > $T/trace
	mkdir -p /mnt/$3
}

# Kernel text of what is in the buffer now, appended (a case may read the raw
# pages several times: each read consumes what the text showed before it).
oracle() {
	cat $T/trace >> /mnt/$1/trace.txt
	echo 1 > $T/options/raw
	cat $T/trace >> /mnt/$1/trace-raw.txt
	echo 0 > $T/options/raw
}

raw() {
	for c in $T/per_cpu/cpu*; do
		n=${c##*/}
		mkdir -p /mnt/$1/per_cpu/$n
		/rawpages $c/trace_pipe_raw /mnt/$1/per_cpu/$n/trace_pipe_raw
	done
}

formats() {
	d=/mnt/$1/events
	mkdir -p $d/ftrace/print
	cp $T/events/header_page $T/events/header_event $d/
	cp $T/events/ftrace/print/format $d/ftrace/print/
	for e in $T/events/*/*/enable; do
		# "1", or "1*" when a trigger enabled it
		[ "$(cat $e)" = 0 ] && continue
		ev=${e%/enable}
		rel=${ev#$T/events/}
		mkdir -p $d/$rel
		cp $ev/format $d/$rel/
	done
	cat $T/trace_clock > /mnt/$1/trace_clock
}

save() {
	formats $1
	oracle $1
	for c in $T/per_cpu/cpu*; do
		n=${c##*/}
		mkdir -p /mnt/$1/per_cpu/$n
		cat $c/stats > /mnt/$1/per_cpu/$n/stats
	done
	raw $1
}

# $1 markers named $2 written from CPU 0.
markers() {
	taskset 1 sh -c "i=0; while [ \$i -lt $1 ]; do
		echo \"$2 \$i\" > $T/trace_marker; i=\$((i + 1)); done"
}

# basic: scheduler, signal, irq, ipi, task and (briefly) syscall events of a
# small workload on both CPUs: fixed char arrays, __data_loc strings, an
# unsigned long array (sys_enter args), bitmasks (ipi_raise).
reset 1024 1 basic
for s in sched signal irq ipi task; do
	echo 1 > $T/events/$s/enable
done
echo 1 > $T/tracing_on
ls / > /dev/null
sh -c 'trap "" USR1; kill -USR1 $$'
echo hello | cat > /dev/null
taskset 2 sh -c 'ls /sys > /dev/null'
sleep 0.05
echo 1 > $T/events/raw_syscalls/enable
ls /proc > /dev/null
echo 0 > $T/events/raw_syscalls/enable
echo 0 > $T/tracing_on
echo 1 > $T/events/raw_syscalls/enable
save basic
echo 0 > $T/events/raw_syscalls/enable

# time-extend: trace_marker writes 0.3 s apart, more than the 27-bit
# time_delta holds (134 ms), so each is preceded by a time extend.
reset 64 1 time-extend
echo 1 > $T/tracing_on
for i in 1 2 3 4; do
	taskset 1 sh -c "echo 'gap $i' > $T/trace_marker"
	sleep 0.3
done
echo 0 > $T/tracing_on
save time-extend

# absolute: in 6.1 the buffer writes an absolute TIME_STAMP entry when the
# write stamp cannot be trusted, e.g. right after a discarded event was taken
# back out of the page (rb_try_to_discard). A hist trigger on common_timestamp
# makes filtered events go through the ring buffer (no filter buffering), and
# a filter that rejects every sched_switch makes them discarded there.
reset 64 1 absolute
H='hist:keys=common_pid:ts0=common_timestamp'
echo "$H" > $T/events/sched/sched_process_exec/trigger
echo 'prev_pid == 99999' > $T/events/sched/sched_switch/filter
echo 1 > $T/events/sched/sched_switch/enable
echo 1 > $T/events/sched/sched_process_exec/enable
echo 1 > $T/tracing_on
for i in 1 2 3; do
	taskset 1 sh -c "echo 'abs $i' > $T/trace_marker"
	taskset 1 /bin/true
	sleep 0.2
done
echo 0 > $T/tracing_on
save absolute
echo "!$H" > $T/events/sched/sched_process_exec/trigger
echo 0 > $T/events/sched/sched_switch/filter

# padding: trace_marker events of about 930 bytes on CPU 0, read while the
# writer is still on the page. Four fit a page; the fifth does not, so the
# rest of the page becomes a padding entry, and the second read copies the
# rest of the first page with that padding.
reset 64 1 padding
L=$(printf '%0900d' 0)
formats padding
echo 1 > $T/tracing_on
taskset 1 sh -c "echo a$L > $T/trace_marker; echo b$L > $T/trace_marker"
oracle padding
raw padding
taskset 1 sh -c "echo c$L > $T/trace_marker; echo d$L > $T/trace_marker; echo e$L > $T/trace_marker"
echo 0 > $T/tracing_on
save padding

# lost-overwrite: 600 small markers into the smallest buffer in overwrite
# mode: the oldest pages are overwritten and the first page read carries
# the missed-events flag and count.
reset 4 1 lost-overwrite
echo 1 > $T/tracing_on
markers 600 lost
echo 0 > $T/tracing_on
save lost-overwrite

# lost-discard: the same in discard mode: the newest events are dropped;
# the pages carry no marker, only per_cpu/cpu0/stats counts them.
reset 4 0 lost-discard
echo 1 > $T/tracing_on
markers 600 dropped
echo 0 > $T/tracing_on
save lost-discard
echo 1 > $T/options/overwrite
