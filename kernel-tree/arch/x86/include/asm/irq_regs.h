/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQ_REGS_H
#define _ASM_X86_IRQ_REGS_H

#include <asm/ptrace.h>

extern struct pt_regs *irq_regs;

static inline struct pt_regs *get_irq_regs(void)
{
	return irq_regs;
}

#endif /* _ASM_X86_IRQ_REGS_H */
