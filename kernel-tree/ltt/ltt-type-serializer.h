/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ltt/ltt-type-serializer.h - payload builders for generated probes.
 *
 * A probe whose fields all have a fixed size fills a specialised struct
 * and passes serialize_sizeof() of it:
 *
 *	struct serialize_int_int_short {
 *		int f1;
 *		int f2;
 *		short f3;
 *		unsigned char end_field[];
 *	};
 *
 * Its members have their natural alignment (capped at the pointer size by
 * the ABI itself), which is what the marker format string promises; a
 * packed channel adds __packed.  serialize_sizeof() stops at end_field, so
 * no tail padding is written.
 *
 * A probe that records strings builds its payload field by field in a
 * buffer with the ltt_serialize_*() helpers below, which align each field
 * the same way and bound every string.
 */
#ifndef _LTT_TYPE_SERIALIZER_H
#define _LTT_TYPE_SERIALIZER_H

#include <linux/string.h>
#include <ltt/ltt-tracer.h>

/* Payload bytes of a specialised struct: up to its end_field member. */
#define serialize_sizeof(type)	__builtin_offsetof(typeof(type), end_field)

/* The longest string a probe records, terminating NUL included. */
#define LTT_SERIALIZE_STRING_MAX	128

/*
 * The most element bytes a probe records of one sequence (a dynamic array
 * or a bitmask): a 32-bit element count, aligned on 4 bytes, then the
 * elements.  A longer sequence is cut, and its count says how many
 * elements were recorded.
 */
#define LTT_SERIALIZE_SEQUENCE_MAX	256

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ltt_cpu_to_be16(x)	__builtin_bswap16((u16)(x))
#define ltt_cpu_to_be32(x)	__builtin_bswap32((u32)(x))
#define ltt_cpu_to_be64(x)	__builtin_bswap64((u64)(x))
#else
#define ltt_cpu_to_be16(x)	((u16)(x))
#define ltt_cpu_to_be32(x)	((u32)(x))
#define ltt_cpu_to_be64(x)	((u64)(x))
#endif

static inline size_t ltt_serialize_align(size_t len, size_t align)
{
	return (len + align - 1) & ~(align - 1);
}

/* Appends @size bytes at the next offset aligned on @align. */
static inline void ltt_serialize_bytes(char *buf, size_t *len,
		const void *src, size_t size, size_t align)
{
	size_t at = ltt_serialize_align(*len, align);

	while (*len < at)
		buf[(*len)++] = 0;
	__builtin_memcpy(buf + at, src, size);
	*len = at + size;
}

#define LTT_SERIALIZE_INT(name, type)					\
static inline void ltt_serialize_##name(char *buf, size_t *len,	\
		type value, size_t align)				\
{									\
	ltt_serialize_bytes(buf, len, &value, sizeof(value), align);	\
}

LTT_SERIALIZE_INT(s8, s8)
LTT_SERIALIZE_INT(u8, u8)
LTT_SERIALIZE_INT(s16, s16)
LTT_SERIALIZE_INT(u16, u16)
LTT_SERIALIZE_INT(s32, s32)
LTT_SERIALIZE_INT(u32, u32)
LTT_SERIALIZE_INT(s64, s64)
LTT_SERIALIZE_INT(u64, u64)

/*
 * Appends the string @s, NUL-terminated, reading at most @bound - 1
 * characters (the size of the char array it comes from; 0 for a char
 * pointer) and never more than LTT_SERIALIZE_STRING_MAX - 1.
 */
static inline void ltt_serialize_string(char *buf, size_t *len,
		const char *s, size_t bound)
{
	size_t max = LTT_SERIALIZE_STRING_MAX - 1;
	size_t i = 0;

	if (bound && bound - 1 < max)
		max = bound - 1;
	if (s)
		for (; i < max && s[i]; i++)
			buf[*len + i] = s[i];
	buf[*len + i] = '\0';
	*len += i + 1;
}

#endif /* _LTT_TYPE_SERIALIZER_H */
