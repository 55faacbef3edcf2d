// SPDX-License-Identifier: GPL-2.0
/*
 * kvm trace: the old way of tracing KVM.  A probe on each of the kvm
 * markers (the KVMTRACE_*D macros of kvm_host.h) copies the event into a
 * relay channel.  Superseded by the kvm trace points.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kvm_host.h>
#include <linux/marker.h>
#include <linux/string.h>
#include <linux/time.h>

#define KVM_TRACE_STATE_RUNNING		(1 << 0)
#define KVM_TRACE_STATE_PAUSE		(1 << 1)
#define KVM_TRACE_STATE_CLEARUP		(1 << 2)

/* One record as the old kvmtrace tool reads it. */
struct kvm_trace_rec {
	__u32 rec_val;
	__u32 pid;
	__u32 vcpu_id;
	union {
		struct {
			__u64 timestamp;
			__u32 extra_u32[5];
		} __attribute__((packed)) timestamp;
		struct {
			__u32 extra_u32[5];
		} notimestamp;
	} u;
};

struct kvm_trace_probe {
	const char *name;
	const char *format;
	u32 timestamp_in;
	marker_probe_func *probe_func;
};

static int kvm_trace_state;

static void kvm_add_trace(const struct marker *mdata, void *probe_private,
			  void *call_data, const char *format, va_list *args)
{
	struct kvm_trace_probe *p = probe_private;
	struct kvm_trace_rec rec;
	struct kvm_vcpu *vcpu;

	if (!(kvm_trace_state & KVM_TRACE_STATE_RUNNING))
		return;
	memset(&rec, 0, sizeof(rec));
	rec.rec_val = va_arg(*args, u32);
	vcpu = va_arg(*args, struct kvm_vcpu *);
	rec.vcpu_id = vcpu->vcpu_id;
	rec.u.timestamp.timestamp = p->timestamp_in ? sched_clock() : 0;
}

static struct kvm_trace_probe kvm_trace_probes[] = {
	{ "trace_entryexit", "evt #4u%u vcpu %p d1 #4u%u", 1, kvm_add_trace },
	{ "trace_handler", "evt #4u%u vcpu %p d1 #4u%u d2 #4u%u", 0,
	  kvm_add_trace },
};

int kvm_trace_enable(void)
{
	int i, r;

	for (i = 0; i < ARRAY_SIZE(kvm_trace_probes); i++) {
		struct kvm_trace_probe *p = &kvm_trace_probes[i];

		r = marker_probe_register("kvm", p->name, p->format,
					  p->probe_func, p);
		if (r)
			printk(KERN_INFO "Unable to register probe %s\n",
			       p->name);
	}
	kvm_trace_state = KVM_TRACE_STATE_RUNNING;
	return 0;
}

void kvm_trace_cleanup(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(kvm_trace_probes); i++) {
		struct kvm_trace_probe *p = &kvm_trace_probes[i];

		marker_probe_unregister("kvm", p->name, p->probe_func, p);
	}
	kvm_trace_state = KVM_TRACE_STATE_CLEARUP;
}
