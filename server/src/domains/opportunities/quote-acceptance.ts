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
