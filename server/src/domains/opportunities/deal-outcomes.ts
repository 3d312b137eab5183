import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { findVisible, updateRecord } from '../../platform/records/record-store.js';
import { opportunityEntity } from './opportunity-entity.js';
import { getOpportunity, moveStage } from './opportunity-service.js';

/**
 * Q2: the customer accepted a quote. The deal's amount becomes the quote's total and, when the
 * pipeline names a stage for an accepted quote, the deal moves there (stage history written) — in
 * the caller's transaction, so the quote's acceptance and the deal change land together.
 */
export async function applyAcceptedQuote(
  trx: Db,
  actor: Actor,
  clock: Clock,
  opportunityId: string,
  q: { amount: string; stageId: string | null },
) {
  const before = await findVisible(trx, actor, opportunityEntity, opportunityId, { forUpdate: true });
  const after = await updateRecord(trx, actor, opportunityEntity, opportunityId, before.version as number, { amount: q.amount }, () =>
    getOpportunity(trx, actor, clock, opportunityId),
  );
  if (q.stageId && q.stageId !== after.stage_id && after.status === 'open') {
    await moveStage(trx, actor, clock, opportunityId, {
      stageId: q.stageId,
      version: after.version as number,
      lostReason: null,
      lostNote: null,
    });
  }
}

/**
 * Q4: a contract became effective. Its deal is won at the contract's amount: an open deal moves to its
 * pipeline's won stage (stage history written), a won one takes the amount. The last approver made it
 * so and the history says him, but he may not have the deal in his scope: he acts with the company's.
 */
export async function applyEffectiveContract(trx: Db, approver: Actor, clock: Clock, opportunityId: string, amount: string) {
  const actor: Actor = { ...approver, scope: 'all' };
  const deal = await trx
    .selectFrom('opportunities')
    .select(['id', 'version', 'status', 'pipeline_id', 'amount'])
    .where('id', '=', opportunityId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!deal || deal.status === 'lost') return;
  const toApi = () => getOpportunity(trx, actor, clock, opportunityId);
  const after =
    deal.amount === amount ? deal : await updateRecord(trx, actor, opportunityEntity, opportunityId, deal.version, { amount }, toApi);
  if (deal.status === 'won') return;
  const won = await trx
    .selectFrom('pipeline_stages')
    .select('id')
    .where('pipeline_id', '=', deal.pipeline_id)
    .where('kind', '=', 'won')
    .where('active', '=', true)
    .orderBy('position')
    .executeTakeFirst();
  if (won)
    await moveStage(trx, actor, clock, opportunityId, {
      stageId: won.id,
      version: after.version as number,
      lostReason: null,
      lostNote: null,
    });
}
