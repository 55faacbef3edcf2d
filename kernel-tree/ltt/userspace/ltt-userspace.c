// SPDX-License-Identifier: GPL-2.0
/*
 * ltt/userspace/ltt-userspace.c - records the payloads of probes run in a
 * userspace program into a file (format: ltt/userspace/README).
 *
 * Also defines the two marker callbacks <linux/marker.h> expects from
 * kernel/marker.c, so that marker definitions link outside the kernel.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/marker.h>
#include "ltt-userspace.h"

#define LTT_USERSPACE_MAGIC	"LTTHARN1"
#define LTT_USERSPACE_VERSION	1
#define LTT_USERSPACE_NO_ID	0xffffu
#define LTT_USERSPACE_EXPECT_ID	0xfffeu
#define LTT_USERSPACE_EVENTS	4096

struct ltt_userspace_event {
	const char *channel;
	const char *name;
	unsigned int id;
};

static FILE *ltt_file;
static int ltt_failed;
static struct ltt_userspace_event ltt_events[LTT_USERSPACE_EVENTS];
static unsigned int ltt_nr_events;

static void put_le(unsigned long long value, unsigned int bytes)
{
	unsigned char out[8];
	unsigned int i;

	for (i = 0; i < bytes; i++)
		out[i] = (unsigned char)(value >> (8 * i));
	if (ltt_file && fwrite(out, 1, bytes, ltt_file) != bytes)
		ltt_failed = 1;
}

int ltt_userspace_open(const char *path)
{
	ltt_file = fopen(path, "wb");
	if (!ltt_file)
		return -1;
	ltt_failed = 0;
	if (fwrite(LTT_USERSPACE_MAGIC, 1, 8, ltt_file) != 8)
		ltt_failed = 1;
	put_le(LTT_USERSPACE_VERSION, 4);
	put_le(sizeof(void *), 4);
	return 0;
}

void ltt_userspace_register(const char *channel, const char *name,
			    unsigned int id)
{
	if (ltt_nr_events == LTT_USERSPACE_EVENTS) {
		ltt_failed = 1;
		return;
	}
	ltt_events[ltt_nr_events].channel = channel;
	ltt_events[ltt_nr_events].name = name;
	ltt_events[ltt_nr_events].id = id;
	ltt_nr_events++;
}

static unsigned int ltt_userspace_id(const char *channel, const char *name)
{
	unsigned int i;

	for (i = 0; i < ltt_nr_events; i++)
		if (!strcmp(ltt_events[i].channel, channel) &&
		    !strcmp(ltt_events[i].name, name))
			return ltt_events[i].id;
	return LTT_USERSPACE_NO_ID;
}

void ltt_userspace_record(const char *channel, const char *name,
			  const void *payload, unsigned int size,
			  unsigned int largest_align)
{
	size_t name_len = strlen(channel) + 1 + strlen(name);

	if (!ltt_file)
		return;
	put_le(ltt_userspace_id(channel, name), 2);
	put_le(name_len, 2);
	put_le(largest_align, 4);
	put_le(size, 4);
	if (fprintf(ltt_file, "%s.%s", channel, name) != (int)name_len)
		ltt_failed = 1;
	if (size && fwrite(payload, 1, size, ltt_file) != size)
		ltt_failed = 1;
}

void ltt_userspace_expect(const char *field, const void *value,
			  unsigned int size)
{
	size_t name_len = strlen(field);

	if (!ltt_file)
		return;
	put_le(LTT_USERSPACE_EXPECT_ID, 2);
	put_le(name_len, 2);
	put_le(0, 4);
	put_le(size, 4);
	if (fwrite(field, 1, name_len, ltt_file) != name_len)
		ltt_failed = 1;
	if (size && fwrite(value, 1, size, ltt_file) != size)
		ltt_failed = 1;
}

int ltt_userspace_close(void)
{
	if (!ltt_file)
		return -1;
	if (fclose(ltt_file))
		ltt_failed = 1;
	ltt_file = NULL;
	return ltt_failed ? -1 : 0;
}

void marker_probe_cb(const struct marker *mdata, void *call_private, ...)
{
	(void)mdata;
	(void)call_private;
}

void __mark_empty_function(const struct marker *mdata, void *probe_private,
			   void *call_private, const char *fmt, va_list *args)
{
	(void)mdata;
	(void)probe_private;
	(void)call_private;
	(void)fmt;
	(void)args;
}
