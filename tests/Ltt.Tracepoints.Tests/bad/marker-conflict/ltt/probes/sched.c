// SPDX-License-Identifier: GPL-2.0
DEFINE_MARKER_TP(kernel, sched_switch, sched_switch, probe_sched_switch,
	"prev_pid %d next_pid %d prev_state #2d%ld");

void probe_sched_switch(void *data, long prev_state)
{
	trace_mark(kernel, sched_switch, "prev_pid %d next_pid %d prev_state #4d%ld",
		   0, 0, prev_state);
}
