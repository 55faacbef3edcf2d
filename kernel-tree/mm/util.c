// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers of the memory allocators; also where the kmem events are
 * defined.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/string.h>

#define CREATE_TRACE_POINTS
#include <trace/events/kmem.h>

extern void *__kmalloc(size_t size, gfp_t flags);

void *kmalloc(size_t size, gfp_t flags)
{
	void *ret = __kmalloc(size, flags);

	trace_kmalloc((unsigned long)__builtin_return_address(0), ret,
		      size, ALIGN(size, sizeof(long)), flags);
	return ret;
}
EXPORT_SYMBOL(kmalloc);

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
EXPORT_SYMBOL(kstrdup);
