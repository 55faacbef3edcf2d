// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file: files whose contents are produced one record at a time by a
 * start/next/stop/show iterator, with the buffering done here.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/list.h>
#include <trace/fs.h>

DEFINE_TRACE(fs_seq_read);

#define PAGE_SIZE_FOR_SEQ	4096

extern void *kmalloc(size_t size, gfp_t flags);
extern void kfree(const void *objp);

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *p = file->private_data;

	if (!p) {
		p = kmalloc(sizeof(*p), 0);
		if (!p)
			return -ENOMEM;
		file->private_data = p;
	}
	memset(p, 0, sizeof(*p));
	p->op = op;
	file->f_version = 0;
	return 0;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size,
		 loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t copied = 0;
	void *p;
	int err = 0;

	trace_fs_seq_read(file, size, *ppos);

	mutex_lock(&m->lock);
	if (!m->buf) {
		m->size = PAGE_SIZE_FOR_SEQ;
		m->buf = kmalloc(m->size, 0);
		if (!m->buf) {
			err = -ENOMEM;
			goto done;
		}
	}
	p = m->op->start(m, &m->index);
	while (p && copied < size) {
		err = m->op->show(m, p);
		if (err < 0)
			break;
		copied += m->count;
		m->count = 0;
		p = m->op->next(m, p, &m->index);
	}
	m->op->stop(m, p);
	*ppos += copied;
done:
	mutex_unlock(&m->lock);
	return copied ? (ssize_t)copied : err;
}

int seq_printf(struct seq_file *m, const char *f, ...)
{
	va_list args;
	int len;

	if (m->count < m->size) {
		va_start(args, f);
		len = vsnprintf(m->buf + m->count, m->size - m->count, f, args);
		va_end(args);
		if (m->count + len < m->size) {
			m->count += len;
			return 0;
		}
	}
	m->count = m->size;
	return -1;
}

int seq_puts(struct seq_file *m, const char *s)
{
	size_t len = strlen(s);

	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, s, len);
		m->count += len;
		return 0;
	}
	m->count = m->size;
	return -1;
}

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
	struct list_head *lh;

	for (lh = head->next; lh != head; lh = lh->next)
		if (pos-- == 0)
			return lh;
	return NULL;
}

struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}
