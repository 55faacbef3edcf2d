/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/stringify.h>

#define USHRT_MAX	((u16)(~0U))
#define INT_MAX		((int)(~0U >> 1))
#define UINT_MAX	(~0U)
#define LONG_MAX	((long)(~0UL >> 1))
#define ULONG_MAX	(~0UL)

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define ALIGN(x, a)		(((x) + (a) - 1) & ~((typeof(x))(a) - 1))
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define min(x, y) ({				\
	typeof(x) _min1 = (x);			\
	typeof(y) _min2 = (y);			\
	(void)(&_min1 == &_min2);		\
	_min1 < _min2 ? _min1 : _min2; })

#define max(x, y) ({				\
	typeof(x) _max1 = (x);			\
	typeof(y) _max2 = (y);			\
	(void)(&_max1 == &_max2);		\
	_max1 > _max2 ? _max1 : _max2; })

#define container_of(ptr, type, member) ({			\
	const typeof(((type *)0)->member) *__mptr = (ptr);	\
	(type *)((char *)__mptr - offsetof(type, member)); })

#define KERN_EMERG	"<0>"
#define KERN_ALERT	"<1>"
#define KERN_CRIT	"<2>"
#define KERN_ERR	"<3>"
#define KERN_WARNING	"<4>"
#define KERN_NOTICE	"<5>"
#define KERN_INFO	"<6>"
#define KERN_DEBUG	"<7>"
#define KERN_DEFAULT	"<d>"

extern int printk(const char *fmt, ...) __printf(1, 2) __cold;
extern int vprintk(const char *fmt, va_list args) __printf(1, 0);
extern int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
extern int snprintf(char *buf, size_t size, const char *fmt, ...)
	__printf(3, 4);
extern int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);
extern int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__printf(3, 4);
extern void panic(const char *fmt, ...) __printf(1, 2) __noreturn __cold;
extern unsigned long simple_strtoul(const char *cp, char **endp,
				    unsigned int base);

#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warning(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)						\
	({ if (0) printk(KERN_DEBUG fmt, ##__VA_ARGS__); 0; })

extern void __bug(const char *file, int line) __noreturn;
#define BUG()			__bug(__FILE__, __LINE__)
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)
#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		printk(KERN_WARNING "WARNING at %s:%d\n", __FILE__, __LINE__); \
	unlikely(__ret_warn_on); })

/* Build-time checks, as the kernel spells them. */
#define BUILD_BUG_ON(cond)	((void)sizeof(char[1 - 2 * !!(cond)]))

extern int oops_in_progress;
extern int panic_timeout;

#endif /* _LINUX_KERNEL_H */
