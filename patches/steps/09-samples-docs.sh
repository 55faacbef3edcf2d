# Samples, documentation, the arming script, the state dump and the
# MAINTAINERS entry.

git mv samples/markers/probe-example.c samples/markers/marker-probe.c
edit samples/markers/marker-probe.c <<'EOF'
 * probe-example.c: connects a probe to each marker of marker-example.c
 * and counts how often the second one fires.
====
 * marker-probe.c: connects a probe to each marker of marker-example.c
 * and counts how often the second one fires.
EOF
edit samples/markers/marker-probe.c <<'EOF'
		if (result)
			printk(KERN_INFO "Unable to register probe %s.%s\n",
			       probe_array[i].channel, probe_array[i].name);
====
		if (result)
			printk(KERN_INFO "Unable to register probe %s.%s: %d\n",
			       probe_array[i].channel, probe_array[i].name,
			       result);
EOF
edit samples/markers/Makefile <<'EOF'
# Load marker-example.ko after probe-example.ko, then read the proc file.

obj-$(CONFIG_SAMPLE_MARKERS) += probe-example.o marker-example.o
====
# Load marker-example.ko after marker-probe.ko, then read the proc file.

obj-$(CONFIG_SAMPLE_MARKERS) += marker-probe.o marker-example.o
EOF
commit lai "samples/markers: rename probe-example to marker-probe" <<'EOF'
The tracepoint samples call their probe module tracepoint-probe-sample;
name the markers' one after what it is, marker-probe, so that the
module name says which infrastructure it belongs to.  Print the error
when a registration fails while at it.
EOF

put samples/markers/test-multi.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * test-multi.c: connects several probes to the same marker, to exercise
 * marker_probe_cb_multi(), then disconnects them all by private data.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/marker.h>

#define NR_PROBES	4

static unsigned long hits[NR_PROBES];

static void probe_count(const struct marker *mdata, void *probe_private,
			void *call_private, const char *fmt, va_list *args)
{
	unsigned long *hit = probe_private;

	(*hit)++;
}

static int __init test_multi_init(void)
{
	int i, ret;

	for (i = 0; i < NR_PROBES; i++) {
		ret = marker_probe_register("samples", "subsystem_eventb",
					    MARK_NOARGS, probe_count,
					    &hits[i]);
		if (ret)
			printk(KERN_INFO "test-multi: probe %d: %d\n", i, ret);
	}
	return 0;
}

static void __exit test_multi_exit(void)
{
	int i;

	for (i = 0; i < NR_PROBES; i++) {
		marker_probe_unregister_private_data(probe_count, &hits[i]);
		printk(KERN_INFO "test-multi: probe %d hit %lu times\n", i,
		       hits[i]);
	}
}

module_init(test_multi_init);
module_exit(test_multi_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Lai Jiangwen");
MODULE_DESCRIPTION("Several probes on one marker");
EOF
edit samples/markers/Makefile <<'EOF'
obj-$(CONFIG_SAMPLE_MARKERS) += marker-probe.o marker-example.o
====
obj-$(CONFIG_SAMPLE_MARKERS) += marker-probe.o marker-example.o test-multi.o
EOF
commit lai "samples/markers: several probes on one marker" <<'EOF'
A sample module connecting four probes to the same marker of
marker-example, each counting its calls, and disconnecting them with
marker_probe_unregister_private_data().  Loaded with marker-example,
the four counts must be equal.
EOF

edit Documentation/markers.txt <<'EOF'
A probe module that serves a tracepoint declares the marker it writes
====
Several probes may be connected to the same marker: the site then calls
each of them in turn.  marker_probe_unregister_private_data() disconnects
every probe registered with a given function and private data, whatever
the marker, which is what a tracer tearing down a trace needs.

The state of a marker is read as an immediate value (see
include/linux/immediate.h): where the architecture supports it, a
disabled marker costs a patched instruction and no memory read.

A probe module that serves a tracepoint declares the marker it writes
EOF
edit Documentation/markers.txt <<'EOF'
samples/markers/marker-example.c has two markers, and
samples/markers/probe-example.c connects a probe to each.
====
samples/markers/marker-example.c has two markers, and
samples/markers/marker-probe.c connects a probe to each.
samples/markers/test-multi.c connects four probes to the same marker.
EOF
commit mathilde "markers: document multiple probes and immediate values" <<'EOF'
Describe what the previous patches changed for marker users: several
probes on one marker, disconnecting by private data, and the marker
state read as an immediate value.  Update the names of the samples.
EOF

put scripts/ltt-armall <<'EOF'
#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Connects the LTTng default probe to every marker of the running kernel.
#
#	ltt-armall		connect every marker
#	ltt-armall -q		without printing each marker

MARKERS=/proc/ltt
QUIET=

[ "$1" = "-q" ] && QUIET=1

if [ ! -r "$MARKERS" ]; then
	echo "$0: $MARKERS not found: is ltt-marker-control loaded?" >&2
	exit 1
fi

grep "^channel" "$MARKERS" | while read -r _ channel _ marker _; do
	[ -z "$QUIET" ] && echo "Connecting $channel.$marker"
	echo "connect $channel $marker default" >"$MARKERS"
done
EOF
commit zhaolei "scripts: add ltt-armall" <<'EOF'
A script connecting the default probe to every marker of the running
kernel, for the common "trace everything" case.
EOF

edit scripts/ltt-armall <<'EOF'
#	ltt-armall -q		without printing each marker
====
#	ltt-armall -q		without printing each marker
#
# The userspace channel is left alone unless LTT_ARM_USERSPACE is set:
# applications writing events would otherwise flood a kernel trace.
EOF
edit scripts/ltt-armall <<'EOF'
grep "^channel" "$MARKERS" | while read -r _ channel _ marker _; do
====
grep "^channel" "$MARKERS" | while read -r _ channel _ marker _; do
	if [ "$channel" = userspace ] && [ -z "$LTT_ARM_USERSPACE" ]; then
		continue
	fi
EOF
chmod 755 scripts/ltt-armall
commit zhaolei "scripts/ltt-armall: make it executable, skip the userspace channel" <<'EOF'
The script was added without its executable bit.  Also leave the
userspace channel disconnected unless LTT_ARM_USERSPACE is set.
EOF

put ltt/ltt-statedump.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-statedump.c: the state of the system written at the start of a
 * trace, so that a reader can name what the events refer to: the loaded
 * modules, and the symbols of the addresses the tracer records.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kallsyms.h>
#include <linux/marker.h>
#include <linux/ltt-core.h>
#include <linux/ltt-tracer.h>

static void dump_module(struct module *mod, void *data)
{
	trace_mark(list, module, "name %s state %d refcount %d",
		   mod->name, (int)mod->state, 0);
}

/* Writes the symbol of @addr, as kallsyms names it. */
void ltt_dump_symbol(unsigned long addr)
{
	char namebuf[KSYM_NAME_LEN];
	unsigned long size, offset;
	const char *name;
	char *modname;

	name = kallsyms_lookup(addr, &size, &offset, &modname, namebuf);
	if (!name)
		return;
	trace_mark(list, symbol, "address %lu name %s module %s", addr, name,
		   modname ? modname : "");
}
EXPORT_SYMBOL_GPL(ltt_dump_symbol);

static void ltt_statedump(void *trace)
{
	list_modules(dump_module, trace);
	trace_mark(list, statedump_end, MARK_NOARGS);
}

static int __init statedump_init(void)
{
	ltt_module_register(ltt_statedump, THIS_MODULE);
	return 0;
}

static void __exit statedump_exit(void)
{
	ltt_module_unregister();
}

module_init(statedump_init);
module_exit(statedump_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Mathilde Desrosiers");
MODULE_DESCRIPTION("Linux Trace Toolkit State Dump");
EOF
edit ltt/Makefile <<'EOF'
obj-$(CONFIG_LTT_USERSPACE_EVENT)	+= ltt-userspace-event.o
====
obj-$(CONFIG_LTT_USERSPACE_EVENT)	+= ltt-userspace-event.o
obj-$(CONFIG_LTT_STATEDUMP)		+= ltt-statedump.o
EOF
edit ltt/Kconfig <<'EOF'
endif # LTT
====
config LTT_STATEDUMP
	tristate "State dump at trace start"
	depends on LTT_TRACER && KALLSYMS
	default y
	help
	  Writes the loaded modules into the trace when it starts, and
	  gives the tracer the symbol names of the addresses it records.

endif # LTT
EOF
commit mathilde "LTTng state dump: modules and symbols" <<'EOF'
A trace reader needs to know what was loaded before the trace started:
write the module list (with list_modules()) when a trace starts, and
let the tracer name the addresses it records with kallsyms_lookup(),
both added earlier in this series.
EOF

edit MAINTAINERS <<'EOF'
MARKERS
====
LTT TRACER
M:	Mathilde Desrosiers <mathilde.desrosiers@example.org>
L:	ltt-dev@lists.example.org (moderated for non-subscribers)
W:	http://www.example.org/ltt/
T:	git git://git.example.org/pub/scm/linux/kernel/git/mdesrosiers/linux-lttng.git
S:	Maintained
F:	include/linux/immediate.h
F:	include/linux/ltt-*.h
F:	ltt/
F:	scripts/ltt-armall

MARKERS
EOF
commit mathilde "LTTng: MAINTAINERS entry" <<'EOF'
Add myself as the maintainer of the tracer core, its headers, the
immediate values interface and the arming script.
EOF

edit include/linux/ltt-tracer.h <<'EOF'
#define LTT_TRACER_VERSION_MINOR	3
====
#define LTT_TRACER_VERSION_MINOR	5
EOF
edit ltt/Kconfig <<'EOF'
	  See http://www.example.org/ltt/ for the userspace tools.
====
	  This is LTTng 0.105, trace format 2.5.  See
	  http://www.example.org/ltt/ for the userspace tools; a trace in
	  this format needs LTTV 0.12 or later.
EOF
commit mathilde "LTTng: trace format 2.5" <<'EOF'
The channels, the extended event header and the state dump change the
trace format.  Bump its minor version so that older readers refuse
the traces instead of misreading them, and say in Kconfig which
reader is needed.
EOF
