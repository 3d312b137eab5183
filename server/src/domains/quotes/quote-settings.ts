import type { QuoteSettings, quoteSettingsUpdate } from '@contracts/quotes.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { fieldError } from '../../platform/http/errors.js';
import { discountLimits, saveDiscountLimits } from './discount-limits.js';

/** Discount limits per role and, per pipeline, the stage an accepted quote moves its deal to. */
export async function quoteSettings(db: Db): Promise<QuoteSettings> {
  const pipelines = await db
    .selectFrom('pipelines as p')
    .leftJoin('quote_pipeline_stages as s', 's.pipeline_id', 'p.id')
    .select(['p.id', 'p.name', 's.stage_id'])
    .orderBy('p.sort_order')
    .orderBy('p.name')
    .execute();
  return {
    discountLimits: await discountLimits(db),
    acceptedStages: pipelines.map((p) => ({ pipelineId: p.id, pipelineName: p.name, stageId: p.stage_id })),
  };
}

export async function saveQuoteSettings(trx: Db, actor: Actor, b: z.infer<typeof quoteSettingsUpdate>) {
  if (b.discountLimits) {
    const roles = new Set((await trx.selectFrom('roles').select('id').execute()).map((r) => r.id));
    b.discountLimits.forEach((l, i) => {
      if (!roles.has(l.roleId)) throw fieldError(`discountLimits.${i}.roleId`, 'reference');
    });
    await saveDiscountLimits(trx, actor, b.discountLimits);
  }
  for (const [i, s] of (b.acceptedStages ?? []).entries()) {
    if (s.stageId === null) {
      await trx.deleteFrom('quote_pipeline_stages').where('pipeline_id', '=', s.pipelineId).execute();
      continue;
    }
    const stage = await trx.selectFrom('pipeline_stages').select(['pipeline_id', 'kind']).where('id', '=', s.stageId).executeTakeFirst();
    if (!stage || stage.pipeline_id !== s.pipelineId) throw fieldError(`acceptedStages.${i}.stageId`, 'reference');
    await trx
      .insertInto('quote_pipeline_stages')
      .values({ pipeline_id: s.pipelineId, stage_id: s.stageId })
      .onConflict((oc) => oc.column('pipeline_id').doUpdateSet({ stage_id: s.stageId as string }))
      .execute();
  }
}
