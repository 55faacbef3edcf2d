/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_POWERPC_TYPES_H
#define _ASM_POWERPC_TYPES_H

/* 64-bit powerpc keeps "long" 64-bit integers; 32-bit uses "long long". */
#if defined(__powerpc64__) || defined(__x86_64__)
# include <asm-generic/int-l64.h>
# define BITS_PER_LONG 64
#else
# include <asm-generic/int-ll64.h>
# define BITS_PER_LONG 32
#endif

#ifndef __ASSEMBLY__
typedef struct {
	__u32 u[4];
} __attribute__((aligned(16))) __vector128;

typedef u64 dma64_addr_t;
typedef u32 dma_addr_t;
#endif

#endif /* _ASM_POWERPC_TYPES_H */
