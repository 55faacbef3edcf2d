/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kvm

#if !defined(_TRACE_EVENTS_KVM_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_KVM_H

#include <linux/kvm_host.h>
#include <linux/tracepoint.h>

#define kvm_trace_exit_reason						\
	{ KVM_EXIT_UNKNOWN,		"UNKNOWN" },			\
	{ KVM_EXIT_EXCEPTION,		"EXCEPTION" },			\
	{ KVM_EXIT_IO,			"IO" },				\
	{ KVM_EXIT_HYPERCALL,		"HYPERCALL" },			\
	{ KVM_EXIT_DEBUG,		"DEBUG" },			\
	{ KVM_EXIT_HLT,			"HLT" },			\
	{ KVM_EXIT_MMIO,		"MMIO" },			\
	{ KVM_EXIT_IRQ_WINDOW_OPEN,	"IRQ_WINDOW_OPEN" },		\
	{ KVM_EXIT_SHUTDOWN,		"SHUTDOWN" },			\
	{ KVM_EXIT_FAIL_ENTRY,		"FAIL_ENTRY" },			\
	{ KVM_EXIT_INTR,		"INTR" },			\
	{ KVM_EXIT_SET_TPR,		"SET_TPR" },			\
	{ KVM_EXIT_TPR_ACCESS,		"TPR_ACCESS" },			\
	{ KVM_EXIT_DCR,			"DCR" }

TRACE_EVENT(kvm_userspace_exit,

	TP_PROTO(__u32 reason, int errno),

	TP_ARGS(reason, errno),

	TP_STRUCT__entry(
		__field(	__u32,		reason		)
		__field(	int,		errno		)
	),

	TP_fast_assign(
		__entry->reason		= reason;
		__entry->errno		= errno;
	),

	TP_printk("reason %s (%d)",
		  __entry->errno < 0 ?
		  (__entry->errno == -EINTR ? "restart" : "error") :
		  __print_symbolic(__entry->reason, kvm_trace_exit_reason),
		  __entry->errno < 0 ? -__entry->errno : (int)__entry->reason)
);

TRACE_EVENT(kvm_set_irq,

	TP_PROTO(unsigned int gsi, int level, int irq_source_id),

	TP_ARGS(gsi, level, irq_source_id),

	TP_STRUCT__entry(
		__field(	unsigned int,	gsi		)
		__field(	int,		level		)
		__field(	int,		irq_source_id	)
	),

	TP_fast_assign(
		__entry->gsi		= gsi;
		__entry->level		= level;
		__entry->irq_source_id	= irq_source_id;
	),

	TP_printk("gsi %u level %d source %d",
		  __entry->gsi, __entry->level, __entry->irq_source_id)
);

#define KVM_TRACE_MMIO_READ_UNSATISFIED 0
#define KVM_TRACE_MMIO_READ 1
#define KVM_TRACE_MMIO_WRITE 2

#define kvm_trace_symbol_mmio \
	{ KVM_TRACE_MMIO_READ_UNSATISFIED, "unsatisfied-read" }, \
	{ KVM_TRACE_MMIO_READ, "read" }, \
	{ KVM_TRACE_MMIO_WRITE, "write" }

TRACE_EVENT(kvm_mmio,

	TP_PROTO(int type, int len, u64 gpa, u64 val),

	TP_ARGS(type, len, gpa, val),

	TP_STRUCT__entry(
		__field(	u32,	type		)
		__field(	u32,	len		)
		__field(	u64,	gpa		)
		__array(	__u8,	val,	sizeof(u64)	)
	),

	TP_fast_assign(
		__entry->type		= type;
		__entry->len		= len;
		__entry->gpa		= gpa;
		memcpy(__entry->val, &val, sizeof(u64));
	),

	TP_printk("mmio %s len %u gpa 0x%llx",
		  __print_symbolic(__entry->type, kvm_trace_symbol_mmio),
		  __entry->len, (unsigned long long)__entry->gpa)
);

/* The whole fragment is copied: its layout is part of the record. */
TRACE_EVENT(kvm_mmio_fragment,

	TP_PROTO(struct kvm_vcpu *vcpu, const struct kvm_mmio_fragment *frag),

	TP_ARGS(vcpu, frag),

	TP_STRUCT__entry(
		__field(	int,				vcpu_id	)
		__field_struct(	struct kvm_mmio_fragment,	frag	)
	),

	TP_fast_assign(
		__entry->vcpu_id	= vcpu->vcpu_id;
		__entry->frag		= *frag;
	),

	TP_printk("vcpu %d gpa 0x%llx len %u", __entry->vcpu_id,
		  (unsigned long long)__entry->frag.gpa, __entry->frag.len)
);

#ifdef CONFIG_KVM_ASYNC_PF
DECLARE_EVENT_CLASS(kvm_async_get_page_class,

	TP_PROTO(u64 gva, u64 gfn),

	TP_ARGS(gva, gfn),

	TP_STRUCT__entry(
		__field(__u64, gva)
		__field(u64, gfn)
	),

	TP_fast_assign(
		__entry->gva = gva;
		__entry->gfn = gfn;
	),

	TP_printk("gva = %#llx, gfn = %#llx",
		  (unsigned long long)__entry->gva,
		  (unsigned long long)__entry->gfn)
);

DEFINE_EVENT(kvm_async_get_page_class, kvm_try_async_get_page,

	TP_PROTO(u64 gva, u64 gfn),

	TP_ARGS(gva, gfn)
);

DEFINE_EVENT(kvm_async_get_page_class, kvm_async_pf_doublefault,

	TP_PROTO(u64 gva, u64 gfn),

	TP_ARGS(gva, gfn)
);
#endif /* CONFIG_KVM_ASYNC_PF */

#endif /* _TRACE_EVENTS_KVM_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
