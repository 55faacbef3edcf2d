# Marker control, the build hooks, and fixes on the core.

put ltt/ltt-marker-control.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-marker-control.c: connecting the tracer's probes to markers, and
 * listing the markers of the system in /proc/ltt.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/seq_file.h>
#include <linux/marker.h>
#include <linux/ltt-channels.h>
#include <linux/ltt-tracer.h>

#define DEFAULT_CHANNEL "cpu"
#define DEFAULT_PROBE "default"

/* A probe the tracer knows, with the format it serializes. */
struct ltt_available_probe {
	const char *name;		/* probe name, or NULL */
	const char *format;		/* format the probe serializes */
	marker_probe_func *probe_func;
	struct list_head node;		/* in probes_list, sorted by address */
};

static DEFINE_MUTEX(probes_mutex);
static LIST_HEAD(probes_list);

static struct ltt_available_probe default_probe = {
	.name = "default",
	.format = NULL,
	.probe_func = ltt_vtrace,
};

static struct ltt_available_probe *get_probe_from_name(const char *pname)
{
	struct ltt_available_probe *iter;

	if (!pname)
		pname = DEFAULT_PROBE;
	list_for_each_entry(iter, &probes_list, node)
		if (!strcmp(iter->name, pname))
			return iter;
	return NULL;
}

/* Adds @pdata to the probes, keeping the list sorted by address. */
int ltt_probe_register(struct ltt_available_probe *pdata)
{
	struct ltt_available_probe *iter;
	int ret = 0;

	mutex_lock(&probes_mutex);
	if (get_probe_from_name(pdata->name)) {
		ret = -EBUSY;
		goto end;
	}
	list_for_each_entry(iter, &probes_list, node)
		if (iter > pdata)
			break;
	list_add_tail(&pdata->node, &iter->node);
end:
	mutex_unlock(&probes_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_probe_register);

/* Connects probe @pname (the default one when NULL) to a marker. */
int ltt_marker_connect(const char *channel, const char *mname,
		       const char *pname)
{
	struct ltt_available_probe *probe;
	int ret;

	mutex_lock(&probes_mutex);
	probe = get_probe_from_name(pname);
	if (!probe) {
		ret = -ENOENT;
		goto end;
	}
	ret = ltt_channels_register(channel);
	if (ret)
		goto end;
	ret = marker_probe_register(channel, mname, probe->format,
				    probe->probe_func, probe);
	if (ret)
		ltt_channels_unregister(channel);
end:
	mutex_unlock(&probes_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_marker_connect);

int ltt_marker_disconnect(const char *channel, const char *mname,
			  const char *pname)
{
	struct ltt_available_probe *probe;
	int ret;

	mutex_lock(&probes_mutex);
	probe = get_probe_from_name(pname);
	if (!probe) {
		ret = -ENOENT;
		goto end;
	}
	ret = marker_probe_unregister(channel, mname, probe->probe_func,
				      probe);
	if (!ret)
		ltt_channels_unregister(channel);
end:
	mutex_unlock(&probes_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_marker_disconnect);

/* /proc/ltt: one line per probe, in address order. */
static void *s_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&probes_mutex);
	return seq_sorted_list_start(&probes_list, pos);
}

static void *s_next(struct seq_file *m, void *p, loff_t *pos)
{
	return seq_sorted_list_next(p, &probes_list, pos);
}

static void s_stop(struct seq_file *m, void *p)
{
	mutex_unlock(&probes_mutex);
}

static int s_show(struct seq_file *m, void *p)
{
	struct ltt_available_probe *probe =
		list_entry(p, struct ltt_available_probe, node);

	seq_printf(m, "probe %s format \"%s\"\n", probe->name,
		   probe->format ? probe->format : "");
	return 0;
}

static const struct seq_operations ltt_seq_op = {
	.start = s_start,
	.next = s_next,
	.stop = s_stop,
	.show = s_show,
};

static int ltt_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &ltt_seq_op);
}

const struct file_operations ltt_fops = {
	.open = ltt_open,
	.read = seq_read,
};

static int __init marker_control_init(void)
{
	return ltt_probe_register(&default_probe);
}
module_init(marker_control_init);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Mathilde Desrosiers");
MODULE_DESCRIPTION("Linux Trace Toolkit Marker Control");
EOF
commit mathilde "LTTng marker control: connect probes to markers" <<'EOF'
The tracer connects a probe to each marker it records: the default
probe, which serializes any format, or a specialized one registered by
a probe module.  Connecting a marker registers its channel, so that
channels exist exactly as long as something writes to them.

/proc/ltt lists the probes.  The list is read with the address-sorted
seq_file helpers, as probe modules come and go while it is read.
EOF

put ltt/Kconfig <<'EOF'
menuconfig LTT
	bool "Linux Trace Toolkit Next Generation (LTTng)"
	depends on EXPERIMENTAL
	select MARKERS
	select TRACEPOINTS
	default n
	help
	  A tracer recording kernel events into per-cpu buffers that a
	  daemon reads through splice().  The events are described by the
	  format strings of their markers, written in the trace itself.

	  See http://www.example.org/ltt/ for the userspace tools.

if LTT

config LTT_RELAY_ALLOC
	def_bool n

config LTT_RELAY_LOCKED
	tristate "Lock-protected buffers"
	select LTT_RELAY_ALLOC
	default y
	help
	  Buffers written under a per-cpu spinlock with interrupts off:
	  simple and safe, slower than lockless ones.

config LTT_SERIALIZE
	tristate "Generic serializer"
	default y
	help
	  The probe that serializes any marker's arguments according to
	  its format string.

config LTT_MARKER_CONTROL
	tristate "Marker control"
	depends on LTT_SERIALIZE
	default y
	help
	  Connects the tracer's probes to markers and lists them in
	  /proc/ltt.

config LTT_TRACER
	tristate "Tracer"
	depends on LTT_RELAY_LOCKED && LTT_MARKER_CONTROL
	default y

endif # LTT
EOF
printf '%s\n%s\n%s\n%s\n%s\n%s\n%s' \
	'obj-$(CONFIG_LTT)			+= ltt-core.o' \
	'obj-$(CONFIG_LTT)			+= ltt-channels.o' \
	'obj-$(CONFIG_LTT_RELAY_ALLOC)		+= ltt-relay-alloc.o' \
	'obj-$(CONFIG_LTT_SERIALIZE)		+= ltt-serialize.o' \
	'obj-$(CONFIG_LTT_MARKER_CONTROL)	+= ltt-marker-control.o' \
	'' \
	'obj-$(CONFIG_LTT_TRACER)		+= ltt-tracer.o' >ltt/Makefile
edit init/Kconfig <<'EOF'
config KVM_MMU_TRACE
====
source "ltt/Kconfig"

config KVM_MMU_TRACE
EOF
edit Makefile <<'EOF'
core-y		:= kernel/ mm/ fs/ block/ init/
====
core-y		:= kernel/ mm/ fs/ block/ init/ ltt/
EOF
commit mathilde "LTTng build: Kconfig and Makefiles" <<'EOF'
Hook the tracer into the configuration (under General setup, next to
the markers it depends on) and into the build.  The core and the
channel registry are built in whenever LTT is set; the rest can be
modules.
EOF

put ltt/ltt-userspace-event.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-userspace-event.c: events written by applications, through a
 * write() on /proc/ltt_userspace_event, recorded as the string event
 * userspace.event in the trace.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/marker.h>
#include <linux/ltt-tracer.h>

#define LTT_WRITE_EVENT_MAX	4096

extern unsigned long copy_from_user(void *to, const void __user *from,
				    unsigned long n);

static char event_buf[LTT_WRITE_EVENT_MAX];

/* Writes one event per line of the buffer, the newline excluded. */
static ssize_t write_event(struct file *file, const char __user *user_buf,
			   size_t count, loff_t *ppos)
{
	size_t len = min(count, (size_t)LTT_WRITE_EVENT_MAX - 1);
	char *line = event_buf, *nl;

	if (copy_from_user(event_buf, user_buf, len))
		return -EFAULT;
	event_buf[len] = '\0';
	while ((nl = strchr(line, '\n')) != NULL) {
		*nl = '\0';
		trace_mark(userspace, event, "string %s", line);
		line = nl + 1;
	}
	if (*line)
		trace_mark(userspace, event, "string %s", line);
	return len;
}

const struct file_operations ltt_userspace_operations = {
	.write = write_event,
};

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Mathilde Desrosiers");
MODULE_DESCRIPTION("Linux Trace Toolkit Userspace Events");
EOF
edit ltt/Makefile <<'EOF'
obj-$(CONFIG_LTT_TRACER)		+= ltt-tracer.o
====
obj-$(CONFIG_LTT_TRACER)		+= ltt-tracer.o
obj-$(CONFIG_LTT_USERSPACE_EVENT)	+= ltt-userspace-event.o

EOF
edit ltt/Kconfig <<'EOF'
endif # LTT
====
config LTT_USERSPACE_EVENT
	tristate "Events written by applications"
	depends on LTT_TRACER
	default m
	help
	  Lets applications write string events into the trace through
	  /proc/ltt_userspace_event, one event per line written.

endif # LTT
EOF
commit zhaolei "LTTng: events written by applications" <<'EOF'
Applications that want their own events in a kernel trace (a web
server marking the start of a request, a test suite marking its steps)
write lines to /proc/ltt_userspace_event; each line becomes a
userspace.event string event.

Also end ltt/Makefile with a newline.
EOF

edit ltt/ltt-relay-alloc.c <<'EOF'
	offset &= ~(PAGE_SIZE - 1);
	while (page->offset != offset) {
		page = list_entry(page->list.next, struct rchan_page, list);
		if (&page->list == &buf->pages)
			page = list_entry(page->list.next, struct rchan_page,
					  list);
	}
	return page;
====
	offset &= ~(PAGE_SIZE - 1);
	/* Walking backwards is shorter when the reader lags one page. */
	if (page->offset > offset &&
	    page->offset - offset <= PAGE_SIZE) {
		page = list_entry(page->list.prev, struct rchan_page, list);
		if (&page->list == &buf->pages)
			page = list_entry(page->list.prev, struct rchan_page,
					  list);
		return page;
	}
	while (page->offset != offset) {
		page = list_entry(page->list.next, struct rchan_page, list);
		if (&page->list == &buf->pages)
			page = list_entry(page->list.next, struct rchan_page,
					  list);
	}
	return page;
EOF
edit ltt/ltt-relay-alloc.c <<'EOF'
		page = ltt_relay_find_page(buf, page, offset);
	}
	buf->rpage = page;
====
		if (len)
			page = ltt_relay_find_page(buf, page, offset);
	}
	buf->rpage = page;
EOF
commit lai "LTTng relay: do not look past the end of a read" <<'EOF'
ltt_relay_read() looked up the page after the last byte it copied even
when nothing was left to copy; at the end of the buffer that walks the
whole page list for nothing.  Look up the next page only when there is
more to copy, as ltt_relay_write() does.

While at it, walk backwards when the page wanted is the one just
before: the reader commonly asks for it after a sub-buffer switch.
EOF
