/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_KVM_H
#define __LINUX_KVM_H

#include <linux/types.h>

#define KVM_API_VERSION 12

#define KVM_EXIT_UNKNOWN		0
#define KVM_EXIT_EXCEPTION		1
#define KVM_EXIT_IO			2
#define KVM_EXIT_HYPERCALL		3
#define KVM_EXIT_DEBUG			4
#define KVM_EXIT_HLT			5
#define KVM_EXIT_MMIO			6
#define KVM_EXIT_IRQ_WINDOW_OPEN	7
#define KVM_EXIT_SHUTDOWN		8
#define KVM_EXIT_FAIL_ENTRY		9
#define KVM_EXIT_INTR			10
#define KVM_EXIT_SET_TPR		11
#define KVM_EXIT_TPR_ACCESS		12
#define KVM_EXIT_DCR			15

/* Shared with user space: why the guest exited, and its details. */
struct kvm_run {
	__u8 request_interrupt_window;
	__u8 padding1[7];

	__u32 exit_reason;
	__u8 ready_for_interrupt_injection;
	__u8 if_flag;
	__u8 padding2[2];

	__u64 cr8;
	__u64 apic_base;

	union {
		struct {
			__u64 hardware_exit_reason;
		} hw;
		struct {
			__u64 hardware_entry_failure_reason;
		} fail_entry;
		struct {
			__u32 exception;
			__u32 error_code;
		} ex;
		struct {
#define KVM_EXIT_IO_IN	0
#define KVM_EXIT_IO_OUT	1
			__u8 direction;
			__u8 size;
			__u16 port;
			__u32 count;
			__u64 data_offset;
		} io;
		struct {
			__u64 phys_addr;
			__u8  data[8];
			__u32 len;
			__u8  is_write;
		} mmio;
		struct {
			__u64 nr;
			__u64 args[6];
			__u64 ret;
			__u32 longmode;
			__u32 pad;
		} hypercall;
		char padding[256];	/* fixes the union size */
	};
};

#endif /* __LINUX_KVM_H */
