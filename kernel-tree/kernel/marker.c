// SPDX-License-Identifier: GPL-2.0
/*
 * Markers: connecting probes to trace_mark() sites by channel and name,
 * and checking that a probe agrees with the site's format string.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/marker.h>

extern struct marker __start___markers[];
extern struct marker __stop___markers[];

static DEFINE_MUTEX(markers_mutex);

/* A registered probe, kept until every site using it has gone. */
struct marker_entry {
	struct list_head list;
	const char *channel;
	const char *name;
	const char *format;
	struct marker_probe_closure single;
	char ptype;
	char rcu_pending;
};

static LIST_HEAD(marker_entries);

void __mark_empty_function(const struct marker *mdata, void *probe_private,
			   void *call_private, const char *fmt, va_list *args)
{
}
EXPORT_SYMBOL_GPL(__mark_empty_function);

void marker_probe_cb(const struct marker *mdata, void *call_private, ...)
{
	va_list args;

	if (!mdata->ptype) {
		va_start(args, call_private);
		mdata->single.func(mdata, mdata->single.probe_private,
				   call_private, mdata->format, &args);
		va_end(args);
	}
}
EXPORT_SYMBOL_GPL(marker_probe_cb);

static struct marker_entry *get_marker(const char *channel, const char *name)
{
	struct marker_entry *e;

	list_for_each_entry(e, &marker_entries, list)
		if (!strcmp(channel, e->channel) && !strcmp(name, e->name))
			return e;
	return NULL;
}

/* Arms or disarms every site of [begin, end) that has an entry. */
void marker_update_probe_range(struct marker *begin, struct marker *end)
{
	struct marker *iter;
	struct marker_entry *e;

	mutex_lock(&markers_mutex);
	for (iter = begin; iter < end; iter++) {
		e = get_marker(iter->channel, iter->name);
		if (e && e->format && strcmp(e->format, iter->format)) {
			printk(KERN_NOTICE "Format mismatch for probe %s.%s "
			       "(%s), marker (%s)\n", iter->channel,
			       iter->name, e->format, iter->format);
			continue;
		}
		if (e) {
			iter->single = e->single;
			iter->ptype = e->ptype;
			iter->state = 1;
		} else {
			iter->state = 0;
		}
	}
	mutex_unlock(&markers_mutex);
}

int marker_probe_register(const char *channel, const char *name,
			  const char *format, marker_probe_func *probe,
			  void *probe_private)
{
	static struct marker_entry entries[64];
	static int nr_entries;
	struct marker_entry *e;

	mutex_lock(&markers_mutex);
	e = get_marker(channel, name);
	if (e) {
		mutex_unlock(&markers_mutex);
		return -EBUSY;
	}
	if (nr_entries == ARRAY_SIZE(entries)) {
		mutex_unlock(&markers_mutex);
		return -ENOSPC;
	}
	e = &entries[nr_entries++];
	e->channel = channel;
	e->name = name;
	e->format = format;
	e->single.func = probe;
	e->single.probe_private = probe_private;
	e->ptype = 0;
	list_add(&e->list, &marker_entries);
	mutex_unlock(&markers_mutex);

	marker_update_probe_range(__start___markers, __stop___markers);
	return 0;
}
EXPORT_SYMBOL_GPL(marker_probe_register);

int marker_probe_unregister(const char *channel, const char *name,
			    marker_probe_func *probe, void *probe_private)
{
	struct marker_entry *e;

	mutex_lock(&markers_mutex);
	e = get_marker(channel, name);
	if (!e || e->single.func != probe) {
		mutex_unlock(&markers_mutex);
		return -ENOENT;
	}
	list_del(&e->list);
	mutex_unlock(&markers_mutex);

	marker_update_probe_range(__start___markers, __stop___markers);
	return 0;
}
EXPORT_SYMBOL_GPL(marker_probe_unregister);
