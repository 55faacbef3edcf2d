// SPDX-License-Identifier: GPL-2.0
/*
 * powerpc exception handlers: program checks, alignment, machine checks,
 * and dying on a kernel fault.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/ptrace.h>
#include <linux/kallsyms.h>
#include <linux/marker.h>
#include <trace/trap.h>

DEFINE_TRACE(trap_entry);
DEFINE_TRACE(trap_exit);

#define REASON_FP		0x100000
#define REASON_ILLEGAL		0x80000
#define REASON_PRIVILEGED	0x40000
#define REASON_TRAP		0x20000

#define SIGILL		4
#define SIGTRAP		5
#define SIGSEGV		11

static int die_counter;

void show_regs(struct pt_regs *regs)
{
	printk("NIP: %016lx LR: %016lx CTR: %016lx\n",
	       regs->nip, regs->link, regs->ctr);
	printk("MSR: %016lx TRAP: %04lx\n", regs->msr, regs->trap);
	print_symbol("NIP [%s]\n", regs->nip);
}

int die(const char *str, struct pt_regs *regs, long err)
{
	trace_mark(kernel, die, "str %s err %ld", str, err);
	printk("Oops: %s, sig: %ld [#%d]\n", str, err, ++die_counter);
	print_modules();
	show_regs(regs);
	do_exit(err);
}

static void _exception(int signr, struct pt_regs *regs, int code,
		       unsigned long addr)
{
	if (!user_mode(regs)) {
		die("Exception in kernel mode", regs, signr);
		return;
	}
	send_sig(signr, current, 0);
}

void program_check_exception(struct pt_regs *regs)
{
	unsigned int reason = regs->msr & 0x1f0000;

	trace_trap_entry(regs, regs->trap);
	if (reason & REASON_TRAP)
		_exception(SIGTRAP, regs, 0, regs->nip);
	else if (reason & (REASON_ILLEGAL | REASON_PRIVILEGED))
		_exception(SIGILL, regs, 0, regs->nip);
	trace_trap_exit();
}

void alignment_exception(struct pt_regs *regs)
{
	trace_trap_entry(regs, regs->trap);
	_exception(SIGSEGV, regs, 0, regs->dar);
	trace_trap_exit();
}
