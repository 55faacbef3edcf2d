/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_TRAP_H
#define _TRACE_TRAP_H

#include <linux/ptrace.h>
#include <linux/tracepoint.h>

/* Traps and page faults, hooked by each architecture. */

DECLARE_TRACE(trap_entry,
	TPPROTO(struct pt_regs *regs, long id),
		TPARGS(regs, id));

DECLARE_TRACE(trap_exit,
	TPPROTO(void),
		TPARGS());

DECLARE_TRACE(page_fault_entry,
	TPPROTO(struct pt_regs *regs, int trapnr, unsigned long address,
		int write_access),
		TPARGS(regs, trapnr, address, write_access));

DECLARE_TRACE(page_fault_exit,
	TPPROTO(int res),
		TPARGS(res));

#endif /* _TRACE_TRAP_H */
