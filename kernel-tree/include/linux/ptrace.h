/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>
#include <asm/ptrace.h>

#define PT_PTRACED	0x00000001
#define PT_DTRACE	0x00000002
#define PT_TRACESYSGOOD	0x00000004

#endif /* _LINUX_PTRACE_H */
