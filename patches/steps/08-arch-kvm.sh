# Architecture hooks and KVM.

edit include/trace/trap.h <<'EOF'
DECLARE_TRACE(page_fault_entry,
====
DECLARE_TRACE(trap_die,
	TPPROTO(const char *str, struct pt_regs *regs, long err),
		TPARGS(str, regs, err));

DECLARE_TRACE(page_fault_entry,
EOF
edit arch/x86/kernel/dumpstack.c <<'EOF'
DEFINE_TRACE(trap_exit);
====
DEFINE_TRACE(trap_exit);
DEFINE_TRACE(trap_die);
EOF
edit arch/x86/kernel/dumpstack.c <<'EOF'
	trace_mark(kernel, die, "str %s err %ld", str, err);
	trace_trap_entry(regs, err);
====
	trace_trap_die(str, regs, err);
	trace_trap_entry(regs, err);
EOF
edit arch/powerpc/kernel/traps.c <<'EOF'
DEFINE_TRACE(trap_exit);
====
DEFINE_TRACE(trap_exit);
DEFINE_TRACE(trap_die);
EOF
edit arch/powerpc/kernel/traps.c <<'EOF'
	trace_mark(kernel, die, "str %s err %ld", str, err);
	printk("Oops: %s, sig: %ld [#%d]\n", str, err, ++die_counter);
====
	trace_trap_die(str, regs, err);
	printk("Oops: %s, sig: %ld [#%d]\n", str, err, ++die_counter);
EOF
commit masami "x86, powerpc: turn the die marker into a trace point" <<'EOF'
Both architectures fire a kernel.die marker from die().  A marker
exports its format to userspace, which is exactly what the tracepoint
conversion avoids for core kernel events; replace both with a trap_die
trace point that a probe module turns into the same event.
EOF

edit arch/x86/mm/fault.c <<'EOF'
	if (user_mode(regs))
		send_sig(11, current, 0);
====
	trace_mark(mm, bad_area, "address %lu ip %lu error_code %lu",
		   address, regs->ip, error_code);
	if (user_mode(regs))
		send_sig(11, current, 0);
EOF
edit arch/x86/mm/fault.c <<'EOF'
#include <linux/ptrace.h>
#include <trace/trap.h>
====
#include <linux/ptrace.h>
#include <linux/marker.h>
#include <trace/trap.h>
EOF
commit masami "x86: mark bad page faults" <<'EOF'
A fault on an address with no mapping ends in a signal or an oops,
both after the page_fault_exit event.  Mark it as it happens, with the
address, the instruction pointer and the error code.
EOF

edit arch/powerpc/platforms/cell/spufs/spufs.h <<'EOF'
#define spu_context_trace(name, ctx, spu)			\
	trace_mark(spufs, name, "ctx %p spu %p", ctx, spu)
====
#define spu_context_trace(name, ctx, spu)			\
	trace_mark(spufs, name, "ctx %p spu %p number %d", ctx, spu,	\
		   (spu) ? (spu)->number : -1)
EOF
commit jan "powerpc/cell: record the spu number in spufs scheduler markers" <<'EOF'
The spu pointer alone cannot be matched with the spu numbers the rest
of the tools print.  Add the number to the format of the scheduler
markers; a context without an spu records -1.
EOF

git rm -q virt/kvm/kvm_trace.c
edit arch/x86/kvm/Makefile <<'EOF'
kvm-objs := ../../../virt/kvm/kvm_main.o x86.o
kvm-$(CONFIG_KVM_TRACE) += ../../../virt/kvm/kvm_trace.o
====
kvm-objs := ../../../virt/kvm/kvm_main.o x86.o
EOF
edit include/linux/kvm_host.h <<'EOF'
#ifdef CONFIG_KVM_TRACE
#define KVMTRACE_1D(evt, vcpu, d1, name)				\
	trace_mark(kvm, trace_##name,					\
		   "evt #4u%u vcpu %p d1 #4u%u",			\
		   KVM_TRC_##evt, vcpu, (u32)(d1))
#define KVMTRACE_2D(evt, vcpu, d1, d2, name)				\
	trace_mark(kvm, trace_##name,					\
		   "evt #4u%u vcpu %p d1 #4u%u d2 #4u%u",		\
		   KVM_TRC_##evt, vcpu, (u32)(d1), (u32)(d2))
#else
#define KVMTRACE_1D(evt, vcpu, d1, name)		do { } while (0)
#define KVMTRACE_2D(evt, vcpu, d1, d2, name)		do { } while (0)
#endif

====
EOF
edit arch/x86/kvm/x86.c <<'EOF'
	++vcpu->stat.halt_exits;
	KVMTRACE_1D(HLT, vcpu, 0, entryexit);
====
	++vcpu->stat.halt_exits;
	trace_kvm_halt(vcpu);
EOF
edit arch/x86/kvm/x86.c <<'EOF'
	trace_kvm_pio(!in, port, size, 1);
	if (in)
		KVMTRACE_2D(IO_READ, vcpu, port, size, handler);
	else
		KVMTRACE_2D(IO_WRITE, vcpu, port, size, handler);
	return 0;
====
	trace_kvm_pio(!in, port, size, 1);
	return 0;
EOF
edit arch/x86/kvm/x86.c <<'EOF'

	KVMTRACE_2D(CR_READ, vcpu, cr, value, handler);
	return value;
====

	return value;
EOF
edit arch/x86/kvm/x86.c <<'EOF'
#endif
	KVMTRACE_2D(PAGE_FAULT, vcpu, error_code, cr2, handler);
	vcpu->arch.cr2 = cr2;
====
#endif
	vcpu->arch.cr2 = cr2;
EOF
edit arch/x86/kvm/x86.c <<'EOF'
	KVMTRACE_1D(VMENTRY, vcpu, kvm_register_read(vcpu, VCPU_REGS_RIP),
		    entryexit);
	vcpu->arch.exit_reason_cache = kvm_run->exit_reason;
	KVMTRACE_1D(VMEXIT, vcpu, kvm_run->exit_reason, entryexit);
	return 1;
====
	trace_kvm_entry(vcpu);
	vcpu->arch.exit_reason_cache = kvm_run->exit_reason;
	trace_kvm_exit(kvm_run->exit_reason, vcpu);
	return 1;
EOF
edit init/Kconfig <<'EOF'
config KVM_TRACE
	bool "KVM trace support (markers)"
	depends on KVM && MARKERS
	help
	  The old markers-based trace of KVM events, read through relay
	  files.  Obsolete: use the kvm trace points instead.

====
EOF
edit MAINTAINERS <<'EOF'
KVM TRACE (MARKERS BASED)
M:	Paolo Benedek <pbenedek@example.org>
L:	kvm@vger.example.org
S:	Obsolete
F:	virt/kvm/kvm_trace.c

====
EOF
commit masami "KVM: remove the markers-based kvm_trace" <<'EOF'
kvm_trace copied the KVMTRACE_*D markers into its own relay files.
Every event it recorded now has a trace point (kvm_entry, kvm_exit,
kvm_halt, kvm_pio), which the tracer records with the rest of the
system, and the tool that read its files has not been maintained for
a year.  Remove it, its configuration option and its MAINTAINERS
entry, and call the trace points where the markers were.

The control register read had no trace point; it gets one in the
next patch.
EOF

edit include/trace/kvm.h <<'EOF'
#ifdef CONFIG_KVM_MMU_TRACE
====
DECLARE_TRACE(kvm_cr,
	TP_PROTO(unsigned int rw, unsigned int cr, unsigned long val),
	TP_ARGS(rw, cr, val));

#ifdef CONFIG_KVM_MMU_TRACE
EOF
edit arch/x86/kvm/x86.c <<'EOF'
DEFINE_TRACE(kvm_pio);
====
DEFINE_TRACE(kvm_pio);
DEFINE_TRACE(kvm_cr);
EOF
edit arch/x86/kvm/x86.c <<'EOF'

	return value;
====

	trace_kvm_cr(0, cr, value);
	return value;
EOF
commit masami "KVM: x86: trace control register reads" <<'EOF'
The last kvm_trace event without a trace point: reads of cr0, cr3 and
cr4.  The rw argument leaves room for writes, traced when
kvm_set_cr*() are converted.
EOF
