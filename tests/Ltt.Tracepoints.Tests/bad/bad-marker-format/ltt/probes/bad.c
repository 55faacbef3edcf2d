// SPDX-License-Identifier: GPL-2.0
DEFINE_MARKER(kernel, broken, "pid %d state");

void f(void)
{
	trace_mark(kernel, computed, FORMAT_MACRO, 1);
}
