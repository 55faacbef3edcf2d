/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <linux/stddef.h>

extern void *memcpy(void *dest, const void *src, size_t count);
extern void *memset(void *s, int c, size_t count);
extern void *memmove(void *dest, const void *src, size_t count);
extern int memcmp(const void *cs, const void *ct, size_t count);
extern char *strcpy(char *dest, const char *src);
extern char *strncpy(char *dest, const char *src, size_t count);
extern size_t strlcpy(char *dest, const char *src, size_t size);
extern int strcmp(const char *cs, const char *ct);
extern int strncmp(const char *cs, const char *ct, size_t count);
extern size_t strlen(const char *s);
extern char *strchr(const char *s, int c);
extern char *kstrdup(const char *s, gfp_t gfp);

#endif /* _LINUX_STRING_H */
