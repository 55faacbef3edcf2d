// SPDX-License-Identifier: GPL-2.0
/*
 * Printing an oops: the registers, the stack trace, and dying.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/kallsyms.h>
#include <linux/ptrace.h>
#include <linux/marker.h>
#include <trace/trap.h>

DEFINE_TRACE(trap_entry);
DEFINE_TRACE(trap_exit);

int panic_on_oops;
static int die_counter;

void show_registers(struct pt_regs *regs)
{
	printk(KERN_EMERG "RIP: %04lx:[<%016lx>] ", regs->cs & 0xffff,
	       regs->ip);
	print_symbol("%s\n", regs->ip);
	printk(KERN_EMERG "RSP: %04lx:%016lx  EFLAGS: %08lx\n", regs->ss,
	       regs->sp, regs->flags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n",
	       regs->ax, regs->bx, regs->cx);
}

int __die(const char *str, struct pt_regs *regs, long err)
{
	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err & 0xffff,
	       ++die_counter);
	print_modules();
	show_registers(regs);
	return 0;
}

/*
 * The kernel hit a fault it cannot handle: say why, then kill the
 * current task (or the whole machine, when asked to).
 */
void die(const char *str, struct pt_regs *regs, long err)
{
	trace_mark(kernel, die, "str %s err %ld", str, err);
	trace_trap_entry(regs, err);
	if (__die(str, regs, err))
		regs = NULL;
	trace_trap_exit();
	if (panic_on_oops)
		panic("Fatal exception");
	do_exit(11);
}
