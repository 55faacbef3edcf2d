/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ltt/userspace/ltt-userspace.h - the userspace backend of the probe
 * serializer, for running generated probes outside the kernel.
 *
 * Only plain C types appear here, so that both sides can include it: the
 * probes (built against the kernel tree, -nostdinc) and the backend
 * (ltt-userspace.c, built against the C library).
 *
 * A program opens a record file, registers the id of every event it will
 * fire (by channel and marker name), calls probes, and closes the file.
 * The record file format is described in ltt/userspace/README.
 */
#ifndef _LTT_USERSPACE_H
#define _LTT_USERSPACE_H

/* Returns 0, or -1 when the file cannot be created. */
int ltt_userspace_open(const char *path);

/* Gives the event of marker @channel.@name the numeric id @id. */
void ltt_userspace_register(const char *channel, const char *name,
			    unsigned int id);

/* Appends one record; called by ltt_specialized_trace(). */
void ltt_userspace_record(const char *channel, const char *name,
			  const void *payload, unsigned int size,
			  unsigned int largest_align);

/*
 * Appends an expect record: the @size bytes at @value are what the harness
 * itself computed for field @field of the next record (a value the probe
 * computes with the tracepoint's own TP_fast_assign code).
 */
void ltt_userspace_expect(const char *field, const void *value,
			  unsigned int size);

/* Flushes and closes the file; returns 0, or -1 when a write failed. */
int ltt_userspace_close(void);

#endif /* _LTT_USERSPACE_H */
