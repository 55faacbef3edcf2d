/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_CPUMASK_H
#define __LINUX_CPUMASK_H

#include <linux/kernel.h>
#include <linux/bitops.h>

#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS	64
#endif
#define NR_CPUS		CONFIG_NR_CPUS

typedef struct cpumask {
	unsigned long bits[BITS_TO_LONGS(NR_CPUS)];
} cpumask_t;

#define nr_cpumask_bits		NR_CPUS
#define cpumask_bits(maskp)	((maskp)->bits)

extern int nr_cpu_ids;
extern const struct cpumask *const cpu_online_mask;

static inline unsigned int cpumask_size(void)
{
	return BITS_TO_LONGS(nr_cpumask_bits) * sizeof(long);
}

#endif /* __LINUX_CPUMASK_H */
