/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

/*
 * Attribute spellings shared by the whole tree.  Sparse annotations are
 * empty here: this tree is only ever read by gcc and libclang.
 */
#define __user
#define __kernel
#define __iomem
#define __force
#define __bitwise
#define __acquires(x)
#define __releases(x)

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(#s)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __must_check		__attribute__((__warn_unused_result__))
#define __cold			__attribute__((__cold__))
#define __noreturn		__attribute__((__noreturn__))
#define notrace			__attribute__((__no_instrument_function__))
#define __read_mostly		__section(.data.read_mostly)
#define __init			__section(.init.text) __cold
#define __exit			__section(.exit.text) __cold

#define barrier()		__asm__ __volatile__("" : : : "memory")
#define ACCESS_ONCE(x)		(*(volatile typeof(x) *)&(x))

#endif /* _LINUX_COMPILER_H */
