// SPDX-License-Identifier: GPL-2.0
/*
 * SPU scheduler: binding contexts to free SPUs, and taking them off again.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/mutex.h>
#include <linux/list.h>

#include "spufs.h"

#define MAX_SPUS	16

static struct spu spus[MAX_SPUS];
static LIST_HEAD(spu_runqueue);

static struct spu *spu_get_idle(struct spu_context *ctx)
{
	int i;

	for (i = 0; i < MAX_SPUS; i++)
		if (!spus[i].ctx)
			return &spus[i];
	spu_context_nospu_trace(spu_get_idle__not_found, ctx);
	return NULL;
}

static void spu_bind_context(struct spu *spu, struct spu_context *ctx)
{
	spu_context_trace(spu_bind_context__enter, ctx, spu);
	spu->ctx = ctx;
	ctx->spu = spu;
	ctx->state = SPU_STATE_RUNNABLE;
}

static void spu_unbind_context(struct spu *spu, struct spu_context *ctx)
{
	spu_context_trace(spu_unbind_context__enter, ctx, spu);
	spu->ctx = NULL;
	ctx->spu = NULL;
	ctx->state = SPU_STATE_SAVED;
}

int spu_activate(struct spu_context *ctx, unsigned long flags)
{
	struct spu *spu;

	spu_context_nospu_trace(spu_activate__enter, ctx);
	spu = spu_get_idle(ctx);
	if (!spu) {
		list_add_tail(&ctx->rq, &spu_runqueue);
		return -EAGAIN;
	}
	spu_bind_context(spu, ctx);
	return 0;
}

void spu_deactivate(struct spu_context *ctx)
{
	spu_context_nospu_trace(spu_deactivate__enter, ctx);
	if (ctx->spu)
		spu_unbind_context(ctx->spu, ctx);
}

void spu_yield(struct spu_context *ctx)
{
	spu_context_nospu_trace(spu_yield__enter, ctx);
	mutex_lock(&ctx->state_mutex);
	spu_deactivate(ctx);
	mutex_unlock(&ctx->state_mutex);
}
