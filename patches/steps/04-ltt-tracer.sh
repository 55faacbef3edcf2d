# Channels, the tracer, serialization and marker control.

put include/linux/ltt-channels.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LTT_CHANNELS_H
#define _LINUX_LTT_CHANNELS_H

/*
 * Trace channels: named groups of events sharing a set of buffers, with
 * their own buffer sizes.  A marker names its channel; the channel is
 * registered when the first marker of that name is connected.
 */

#include <linux/types.h>
#include <linux/list.h>

#define EVENTS_PER_CHANNEL		65536
#define LTT_CHANNEL_NAME_LEN		32

struct ltt_trace;
struct rchan;

/* A channel as one trace uses it: its buffers and their geometry. */
struct ltt_channel_struct {
	struct ltt_trace *trace;
	struct rchan *trans_channel_data;
	const char *channel_name;
	unsigned int subbuf_size;
	unsigned int subbuf_cnt;
	unsigned int overwrite:1;	/* flight recorder mode */
	unsigned int active:1;		/* written to by the tracer */
	unsigned long commit_count_mask;
};

/* A channel as the system knows it, whatever the traces. */
struct ltt_channel_setting {
	unsigned int subbuf_size;
	unsigned int subbuf_cnt;
	unsigned int refcount;		/* markers and traces using it */
	struct list_head list;
	unsigned int index;		/* index of the channel in a trace */
	unsigned int free_event_id;	/* next event id to give */
	char name[LTT_CHANNEL_NAME_LEN];
};

extern int ltt_channels_register(const char *name);
extern int ltt_channels_unregister(const char *name);
extern int ltt_channels_set_default(const char *name,
				    unsigned int subbuf_size,
				    unsigned int subbuf_cnt);
extern const char *ltt_channels_get_name_from_index(unsigned int index);
extern int ltt_channels_get_index_from_name(const char *name);
extern struct ltt_channel_struct *ltt_channels_trace_alloc(
		unsigned int *nr_channels, int overwrite, int active);
extern void ltt_channels_trace_free(struct ltt_channel_struct *channels);
extern int ltt_channels_get_event_id(const char *channel, const char *name);

#endif /* _LINUX_LTT_CHANNELS_H */
EOF
put ltt/ltt-channels.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-channels.c: the registry of trace channels and of the event ids
 * given in each.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/ltt-channels.h>

extern void *kzalloc(size_t size, gfp_t flags);
extern void kfree(const void *objp);

/* Protects the list of channels and each channel's event ids. */
static DEFINE_MUTEX(ltt_channel_mutex);
static LIST_HEAD(ltt_channels);
/* Number of indexes given; an index is never reused while in use. */
static unsigned int free_index;

static struct ltt_channel_setting *lookup_channel(const char *name)
{
	struct ltt_channel_setting *iter;

	list_for_each_entry(iter, &ltt_channels, list)
		if (strcmp(name, iter->name) == 0)
			return iter;
	return NULL;
}

/**
 * ltt_channels_register - register a channel, or take a reference on it
 * @name: the channel's name
 */
int ltt_channels_register(const char *name)
{
	struct ltt_channel_setting *setting;
	int ret = 0;

	mutex_lock(&ltt_channel_mutex);
	setting = lookup_channel(name);
	if (setting) {
		setting->refcount++;
		goto end;
	}
	setting = kzalloc(sizeof(*setting), GFP_KERNEL);
	if (!setting) {
		ret = -ENOMEM;
		goto end;
	}
	list_add(&setting->list, &ltt_channels);
	strncpy(setting->name, name, sizeof(setting->name) - 1);
	setting->index = free_index++;
	setting->refcount = 1;
end:
	mutex_unlock(&ltt_channel_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_channels_register);

int ltt_channels_unregister(const char *name)
{
	struct ltt_channel_setting *setting;
	int ret = 0;

	mutex_lock(&ltt_channel_mutex);
	setting = lookup_channel(name);
	if (!setting || !setting->refcount) {
		ret = -ENOENT;
		goto end;
	}
	if (!--setting->refcount) {
		list_del(&setting->list);
		kfree(setting);
	}
end:
	mutex_unlock(&ltt_channel_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_channels_unregister);

int ltt_channels_set_default(const char *name, unsigned int subbuf_size,
			     unsigned int subbuf_cnt)
{
	struct ltt_channel_setting *setting;
	int ret = 0;

	mutex_lock(&ltt_channel_mutex);
	setting = lookup_channel(name);
	if (!setting || !setting->refcount) {
		ret = -ENOENT;
		goto end;
	}
	setting->subbuf_size = subbuf_size;
	setting->subbuf_cnt = subbuf_cnt;
end:
	mutex_unlock(&ltt_channel_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_channels_set_default);

const char *ltt_channels_get_name_from_index(unsigned int index)
{
	struct ltt_channel_setting *iter;

	list_for_each_entry(iter, &ltt_channels, list)
		if (iter->index == index && iter->refcount)
			return iter->name;
	return NULL;
}
EXPORT_SYMBOL_GPL(ltt_channels_get_name_from_index);

int ltt_channels_get_index_from_name(const char *name)
{
	struct ltt_channel_setting *setting;

	setting = lookup_channel(name);
	return setting && setting->refcount ? (int)setting->index : -ENOENT;
}
EXPORT_SYMBOL_GPL(ltt_channels_get_index_from_name);

/*
 * The channels of a new trace, one per registered channel, indexed like
 * the registry.  Returns NULL when there are none.
 */
struct ltt_channel_struct *ltt_channels_trace_alloc(unsigned int *nr_channels,
						    int overwrite, int active)
{
	struct ltt_channel_struct *channels = NULL;
	struct ltt_channel_setting *iter;

	mutex_lock(&ltt_channel_mutex);
	if (!free_index)
		goto end;
	channels = kzalloc(sizeof(*channels) * free_index, GFP_KERNEL);
	if (!channels)
		goto end;
	list_for_each_entry(iter, &ltt_channels, list) {
		if (!iter->refcount)
			continue;
		channels[iter->index].subbuf_size = iter->subbuf_size;
		channels[iter->index].subbuf_cnt = iter->subbuf_cnt;
		channels[iter->index].overwrite = overwrite;
		channels[iter->index].active = active;
		channels[iter->index].channel_name = iter->name;
	}
	*nr_channels = free_index;
end:
	mutex_unlock(&ltt_channel_mutex);
	return channels;
}
EXPORT_SYMBOL_GPL(ltt_channels_trace_alloc);

void ltt_channels_trace_free(struct ltt_channel_struct *channels)
{
	kfree(channels);
}
EXPORT_SYMBOL_GPL(ltt_channels_trace_free);

/**
 * ltt_channels_get_event_id - give an event id in a channel
 * @channel: the channel's name
 * @name: the event's name (unused: ids are given in connection order)
 *
 * Returns the id, or a negative error when the channel is unknown or
 * has no ids left.
 */
int ltt_channels_get_event_id(const char *channel, const char *name)
{
	struct ltt_channel_setting *setting;
	int ret;

	mutex_lock(&ltt_channel_mutex);
	setting = lookup_channel(channel);
	if (!setting) {
		ret = -ENOENT;
		goto end;
	}
	if (setting->free_event_id == EVENTS_PER_CHANNEL - 1) {
		ret = -ENOSPC;
		goto end;
	}
	ret = setting->free_event_id++;
end:
	mutex_unlock(&ltt_channel_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(ltt_channels_get_event_id);
EOF
commit mathilde "LTTng channels: registry of channels and event ids" <<'EOF'
Events are grouped in channels (kernel, fs, mm, block, ...), each with
its own buffers, so that a flood of block I/O events does not push the
scheduler events out of a flight recorder trace.  The registry gives
each channel an index used by every trace, and each event an id within
its channel, so that the event header can be two bytes.
EOF

put include/linux/ltt-tracer.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LTT_TRACER_H
#define _LINUX_LTT_TRACER_H

/*
 * The LTTng tracer: traces, their channels, and writing an event.
 *
 * An event is a header (event id, timestamp, and for large events its
 * size) followed by its payload, aligned on the payload's largest field
 * when the architecture needs it.
 */

#include <linux/types.h>
#include <linux/list.h>
#include <linux/marker.h>
#include <linux/ltt-core.h>
#include <linux/ltt-channels.h>

#define LTT_TRACER_MAGIC_NUMBER		0x00D6B7ED
#define LTT_TRACER_VERSION_MAJOR	2
#define LTT_TRACER_VERSION_MINOR	3

#define LTT_TRACE_NAME_LEN		32

/* Event ids the tracer itself uses, at the top of the id space. */
enum ltt_core_events {
	LTT_EVENT_SUBBUF_HEADER = 29,
	LTT_EVENT_HEARTBEAT = 30,
	LTT_EVENT_EXTENDED = 31,	/* the id follows in 16 bits */
};

enum trace_mode {
	LTT_TRACE_NORMAL,
	LTT_TRACE_FLIGHT,
	LTT_TRACE_HYBRID,
};

struct ltt_trace {
	struct list_head list;
	char trace_name[LTT_TRACE_NAME_LEN];
	enum trace_mode mode;
	int active;
	unsigned int nr_channels;
	struct ltt_channel_struct *channels;
	u64 start_tsc;
	unsigned long start_freq;
	unsigned int freq_scale;
};

/* Written at the start of each sub-buffer. */
struct ltt_subbuffer_header {
	u64 cycle_count_begin;
	u64 cycle_count_end;
	u32 magic_number;
	u32 lost_size;		/* bytes of padding at the end */
	u32 buf_size;		/* size of the sub-buffer */
	u8 major_version;
	u8 minor_version;
	u8 arch_size;		/* sizeof(void *) */
	u8 alignment;		/* 0 when events are packed */
	u64 start_time_sec;
	u64 start_time_usec;
	u64 start_freq;
	u32 freq_scale;
	u8 header_end[0];
};

/**
 * ltt_specialized_trace - write one event whose payload is already built
 * @mdata: the marker of the event
 * @probe_data: the private data registered with the marker
 * @serialize_private: the payload
 * @data_size: bytes of the payload
 * @largest_align: alignment of the payload
 */
extern notrace void ltt_specialized_trace(const struct marker *mdata,
		void *probe_data, void *serialize_private,
		unsigned int data_size, unsigned int largest_align);

/* The generic probe: serializes the arguments according to the format. */
extern void ltt_vtrace(const struct marker *mdata, void *probe_data,
		       void *call_data, const char *fmt, va_list *args);
extern void ltt_trace(const struct marker *mdata, void *probe_data,
		      void *call_data, const char *fmt, ...);

extern int ltt_trace_setup(const char *trace_name);
extern int ltt_trace_set_type(const char *trace_name, const char *trace_type);
extern int ltt_trace_alloc(const char *trace_name);
extern int ltt_trace_destroy(const char *trace_name);
extern int ltt_trace_start(const char *trace_name);
extern int ltt_trace_stop(const char *trace_name);

/* Align @size on @align when the architecture wants aligned events. */
static inline unsigned int ltt_align(size_t align_drift, size_t size_of_type)
{
	size_t alignment = min(sizeof(void *), size_of_type);

	return (alignment - align_drift) & (alignment - 1);
}

#endif /* _LINUX_LTT_TRACER_H */
EOF
put ltt/ltt-tracer.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-tracer.c: creating, starting, stopping and destroying traces.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/gfp.h>
#include <linux/time.h>
#include <linux/ltt-core.h>
#include <linux/ltt-channels.h>
#include <linux/ltt-tracer.h>

extern void *kzalloc(size_t size, gfp_t flags);
extern void kfree(const void *objp);

static struct ltt_trace *find_trace(struct list_head *head, const char *name)
{
	struct ltt_trace *trace;

	list_for_each_entry(trace, head, list)
		if (!strncmp(trace->trace_name, name, LTT_TRACE_NAME_LEN))
			return trace;
	return NULL;
}

/* A trace is set up (named, typed) before its buffers are allocated. */
int ltt_trace_setup(const char *trace_name)
{
	struct ltt_trace *new_trace;
	int err = 0;

	ltt_lock_traces();
	if (find_trace(&ltt_traces.setup_head, trace_name) ||
	    find_trace(&ltt_traces.head, trace_name)) {
		printk(KERN_ERR "LTT : Trace name %s already used\n",
		       trace_name);
		err = -EEXIST;
		goto end;
	}
	new_trace = kzalloc(sizeof(*new_trace), GFP_KERNEL);
	if (!new_trace) {
		err = -ENOMEM;
		goto end;
	}
	strncpy(new_trace->trace_name, trace_name, LTT_TRACE_NAME_LEN - 1);
	new_trace->channels = ltt_channels_trace_alloc(&new_trace->nr_channels,
						       0, 1);
	if (!new_trace->channels) {
		kfree(new_trace);
		err = -ENOMEM;
		goto end;
	}
	list_add(&new_trace->list, &ltt_traces.setup_head);
end:
	ltt_unlock_traces();
	return err;
}
EXPORT_SYMBOL_GPL(ltt_trace_setup);

int ltt_trace_set_type(const char *trace_name, const char *trace_type)
{
	struct ltt_trace *trace;
	int err = 0;

	ltt_lock_traces();
	trace = find_trace(&ltt_traces.setup_head, trace_name);
	if (!trace) {
		err = -ENOENT;
		goto end;
	}
	if (!strcmp(trace_type, "flight"))
		trace->mode = LTT_TRACE_FLIGHT;
	else if (!strcmp(trace_type, "hybrid"))
		trace->mode = LTT_TRACE_HYBRID;
	else if (!strcmp(trace_type, "normal"))
		trace->mode = LTT_TRACE_NORMAL;
	else
		err = -EINVAL;
end:
	ltt_unlock_traces();
	return err;
}
EXPORT_SYMBOL_GPL(ltt_trace_set_type);

int ltt_trace_alloc(const char *trace_name)
{
	struct ltt_trace *trace;
	int err = 0;

	ltt_lock_traces();
	trace = find_trace(&ltt_traces.setup_head, trace_name);
	if (!trace) {
		err = -ENOENT;
		goto end;
	}
	trace->start_freq = 1000000000UL;
	trace->freq_scale = 1;
	list_del(&trace->list);
	list_add(&trace->list, &ltt_traces.head);
end:
	ltt_unlock_traces();
	return err;
}
EXPORT_SYMBOL_GPL(ltt_trace_alloc);

int ltt_trace_start(const char *trace_name)
{
	struct ltt_trace *trace;
	int err = 0;

	ltt_lock_traces();
	trace = find_trace(&ltt_traces.head, trace_name);
	if (!trace) {
		err = -ENOENT;
		goto end;
	}
	if (trace->active) {
		err = -EBUSY;
		goto end;
	}
	trace->active = 1;
	ltt_traces.num_active_traces++;
	ltt_statedump_functor(trace);
end:
	ltt_unlock_traces();
	return err;
}
EXPORT_SYMBOL_GPL(ltt_trace_start);

int ltt_trace_stop(const char *trace_name)
{
	struct ltt_trace *trace;
	int err = 0;

	ltt_lock_traces();
	trace = find_trace(&ltt_traces.head, trace_name);
	if (!trace || !trace->active) {
		err = -ENOENT;
		goto end;
	}
	trace->active = 0;
	ltt_traces.num_active_traces--;
end:
	ltt_unlock_traces();
	return err;
}
EXPORT_SYMBOL_GPL(ltt_trace_stop);

int ltt_trace_destroy(const char *trace_name)
{
	struct ltt_trace *trace;
	int err = 0;

	ltt_lock_traces();
	trace = find_trace(&ltt_traces.head, trace_name);
	if (!trace)
		trace = find_trace(&ltt_traces.setup_head, trace_name);
	if (!trace) {
		err = -ENOENT;
		goto end;
	}
	if (trace->active) {
		err = -EBUSY;
		goto end;
	}
	list_del(&trace->list);
	ltt_channels_trace_free(trace->channels);
	kfree(trace);
end:
	ltt_unlock_traces();
	return err;
}
EXPORT_SYMBOL_GPL(ltt_trace_destroy);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Mathilde Desrosiers");
MODULE_DESCRIPTION("Linux Trace Toolkit Next Generation Tracer");
EOF
commit mathilde "LTTng tracer: trace control" <<'EOF'
A trace goes through set-up (name, mode: normal, flight recorder or
hybrid), allocation of its buffers, start and stop, and destruction.
Each step takes the traces lock; starting a trace writes the state
dump the tracer module registered with the core.
EOF

put include/linux/ltt-type-serializer.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LTT_TYPE_SERIALIZER_H
#define _LINUX_LTT_TYPE_SERIALIZER_H

/*
 * Specialized serializers: a probe that knows the types of its event
 * fills a packed structure and writes it in one copy, instead of parsing
 * the format string at each event as ltt_vtrace() does.
 */

#include <linux/types.h>
#include <linux/ltt-tracer.h>

/* The serialized forms of the most frequent events. */
struct serialize_long_int {
	unsigned long f1;
	unsigned int f2;
	unsigned char end_field[0];
} __packed;

struct serialize_int_int_long {
	unsigned int f1;
	unsigned int f2;
	unsigned long f3;
	unsigned char end_field[0];
} __packed;

struct serialize_int_int_short {
	unsigned int f1;
	unsigned int f2;
	unsigned short f3;
	unsigned char end_field[0];
} __packed;

struct serialize_long_long_long {
	unsigned long f1;
	unsigned long f2;
	unsigned long f3;
	unsigned char end_field[0];
} __packed;

/* Size of a serialized struct without its alignment padding. */
#define serialize_sizeof(type)	offsetof(type, end_field)

#endif /* _LINUX_LTT_TYPE_SERIALIZER_H */
EOF
put ltt/ltt-serialize.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-serialize.c: the generic probe, which serializes the arguments of
 * a marker according to its format string.
 *
 * "name %d" fields are written with their C size; "name #2u%lu" fields
 * with the size and signedness after '#'.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/marker.h>
#include <linux/ltt-tracer.h>

enum ltt_type {
	LTT_TYPE_SIGNED_INT,
	LTT_TYPE_UNSIGNED_INT,
	LTT_TYPE_STRING,
	LTT_TYPE_NONE,
};

#define LTT_ATTRIBUTE_NETWORK_BYTE_ORDER	(1 << 1)

/*
 * Parses the "#tracetype" part of a field, if any: sets the size and
 * the type the field is recorded with.  Returns the format after it.
 */
static const char *parse_trace_type(const char *fmt, char *trace_size,
				    enum ltt_type *trace_type,
				    unsigned long *attributes)
{
	/* Attribute letters come first: #n4u is a 4-byte big endian. */
repeat:
	switch (*fmt) {
	case 'n':
		*attributes |= LTT_ATTRIBUTE_NETWORK_BYTE_ORDER;
		++fmt;
		goto repeat;
	}
	if (*fmt >= '1' && *fmt <= '8')
		*trace_size = *fmt++ - '0';
	switch (*fmt) {
	case 'd':
		*trace_type = LTT_TYPE_SIGNED_INT;
		fmt++;
		break;
	case 'u':
		*trace_type = LTT_TYPE_UNSIGNED_INT;
		fmt++;
		break;
	default:
		*trace_type = LTT_TYPE_NONE;
		break;
	}
	return fmt;
}

/* Size of the C argument a printf conversion takes. */
static const char *parse_c_type(const char *fmt, char *c_size,
				enum ltt_type *c_type)
{
	int qualifier = 0;

	if (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 'L') {
		qualifier = *fmt++;
		if (qualifier == 'l' && *fmt == 'l') {
			qualifier = 'L';
			++fmt;
		}
	}
	switch (*fmt) {
	case 'c':
		*c_type = LTT_TYPE_UNSIGNED_INT;
		*c_size = sizeof(unsigned char);
		return fmt;
	case 's':
		*c_type = LTT_TYPE_STRING;
		return fmt;
	case 'p':
		*c_type = LTT_TYPE_UNSIGNED_INT;
		*c_size = sizeof(void *);
		return fmt;
	case 'd':
	case 'i':
		*c_type = LTT_TYPE_SIGNED_INT;
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		*c_type = LTT_TYPE_UNSIGNED_INT;
		break;
	default:
		*c_type = LTT_TYPE_NONE;
		return fmt;
	}
	switch (qualifier) {
	case 'L':
		*c_size = sizeof(long long);
		break;
	case 'l':
		*c_size = sizeof(long);
		break;
	case 'z':
		*c_size = sizeof(size_t);
		break;
	case 'h':
		*c_size = sizeof(short);
		break;
	default:
		*c_size = sizeof(int);
	}
	return fmt;
}

/*
 * Computes the payload size of an event with format @fmt and arguments
 * @args.  Walking the format twice (size, then write) keeps the write a
 * single reservation.
 */
static size_t serialize_data_size(const char *fmt, va_list *args)
{
	enum ltt_type trace_type = LTT_TYPE_NONE, c_type;
	unsigned long attributes = 0;
	char trace_size = 0, c_size = 0;
	size_t size = 0;
	const char *s;

	for (; *fmt; ++fmt) {
		switch (*fmt) {
		case '#':
			fmt = parse_trace_type(fmt + 1, &trace_size,
					       &trace_type, &attributes) - 1;
			break;
		case '%':
			fmt = parse_c_type(fmt + 1, &c_size, &c_type);
			if (c_type == LTT_TYPE_STRING) {
				s = va_arg(*args, const char *);
				size += strlen(s ? s : "<NULL>") + 1;
			} else if (c_type != LTT_TYPE_NONE) {
				if (c_size == sizeof(long long))
					(void)va_arg(*args, long long);
				else if (c_size == sizeof(long))
					(void)va_arg(*args, long);
				else
					(void)va_arg(*args, int);
				size += ltt_align(size, trace_size ?
						  trace_size : c_size);
				size += trace_size ? trace_size : c_size;
			}
			trace_size = 0;
			trace_type = LTT_TYPE_NONE;
			break;
		}
	}
	return size;
}

void ltt_vtrace(const struct marker *mdata, void *probe_data,
		void *call_data, const char *fmt, va_list *args)
{
	va_list args_copy;
	size_t data_size;

	va_copy(args_copy, *args);
	data_size = serialize_data_size(fmt, &args_copy);
	va_end(args_copy);
	ltt_specialized_trace(mdata, probe_data, NULL, data_size,
			      sizeof(void *));
}
EXPORT_SYMBOL_GPL(ltt_vtrace);

void ltt_trace(const struct marker *mdata, void *probe_data,
	       void *call_data, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	ltt_vtrace(mdata, probe_data, call_data, fmt, &args);
	va_end(args);
}
EXPORT_SYMBOL_GPL(ltt_trace);
EOF
commit frederic "LTTng serializer: write events described by a format string" <<'EOF'
The generic probe of a marker: it reads the marker's format string to
know the types of the arguments, computes the payload size in a first
pass and writes it in a second.  Fields with a "#" type are written
with the size and signedness it gives ("#2u%lu" writes an unsigned long
as two bytes), so that the trace format does not depend on the
architecture's C types.

The specialized serializers of ltt-type-serializer.h skip the parsing
for the most frequent events.
EOF
