import type { endContractBody, progressBody } from '@contracts/contracts.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { submitForApproval } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { assertWithinCredit } from '../credit/public.js';
import { findVisible } from '../../platform/records/record-store.js';
import { contractEntity } from './contract-entity.js';
import { assertStatus } from './contract-rules.js';
import type { ContractRow, Env } from './contract-service.js';

/**
 * A change of status or of the end request, with history and a new version. Approval hooks run as the
 * approver, who may not have the contract in his scope, so this writes directly.
 */
export async function setContract(trx: Db, actor: Actor, c: Pick<ContractRow, 'id' | 'status'>, patch: Record<string, unknown>) {
  await trx
    .updateTable('contracts')
    .set({ ...patch, version: sql`version + 1`, updated_by: actor.via === 'system' ? null : actor.userId, updated_at: sql`now()` })
    .where('id', '=', c.id)
    .execute();
  const changes = Object.entries(patch)
    .filter(([k]) => ['status', 'end_request', 'end_reason'].includes(k))
    .map(([field, v]) => ({ field, old: field === 'status' ? c.status : null, new: v }));
  if (changes.length) await writeHistory(trx, actor, { entity: 'contract', recordId: c.id, action: 'update', changes });
}

async function lockContract(trx: Db, actor: Actor, id: string, version: number): Promise<ContractRow> {
  const c = (await findVisible(trx, actor, contractEntity, id, { forUpdate: true })) as unknown as ContractRow;
  if (c.version !== version) throw new AppError('VERSION_CONFLICT');
  return c;
}

/** Seed 002: a draft goes to sales manager → project manager → finance and legal; locked meanwhile. */
export async function submitContract(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const c = await lockContract(trx, actor, id, version);
  assertStatus(c, ['draft']);
  // M3: past the customer's credit limit it stops here, unless the flow has a credit override step.
  const customer = await trx.selectFrom('customers').select('name').where('id', '=', c.customer_id).executeTakeFirstOrThrow();
  await assertWithinCredit(trx, { documentType: 'contract', customerId: c.customer_id, customerName: customer.name, adding: c.amount });
  await setContract(trx, actor, c, { status: 'in_approval' });
  await submitForApproval(trx, actor, 'contract', id, { now: env.clock.now(), timeZone: env.timeZone });
}

/** Terminate or void an effective contract: asked for with a reason, decided by its own approval. */
export async function requestEnd(trx: Db, actor: Actor, env: Env, id: string, b: z.infer<typeof endContractBody>) {
  const c = await lockContract(trx, actor, id, b.version);
  assertStatus(c, ['effective']);
  if (c.end_request) throw new AppError('APPROVAL_PENDING');
  await setContract(trx, actor, c, { end_request: b.kind, end_reason: b.reason });
  await submitForApproval(trx, actor, 'contract_end', id, { now: env.clock.now(), timeZone: env.timeZone });
}

/** Q5: progress on one line of an effective contract; every entry is kept. */
export async function recordProgress(trx: Db, actor: Actor, env: Env, id: string, lineId: string, b: z.infer<typeof progressBody>) {
  const c = (await findVisible(trx, actor, contractEntity, id, { forUpdate: true })) as unknown as ContractRow;
  assertStatus(c, ['effective']);
  const line = await trx
    .selectFrom('contract_lines as l')
    .leftJoin('contract_amendments as a', 'a.id', 'l.amendment_id')
    .select(['l.id', 'l.name', 'a.status as amendment_status', 'l.amendment_id'])
    .where('l.id', '=', lineId)
    .where('l.contract_id', '=', id)
    .executeTakeFirst();
  if (!line || (line.amendment_id && line.amendment_status !== 'effective')) throw new AppError('NOT_FOUND');
  await trx
    .insertInto('contract_line_progress')
    .values({
      contract_id: id,
      line_id: lineId,
      percent: b.percent,
      milestone: b.milestone ?? null,
      reached_on: b.reachedOn,
      note: b.note ?? null,
      recorded_by: actor.userId,
      recorded_at: env.clock.now(),
    })
    .execute();
  await writeHistory(trx, actor, {
    entity: 'contract',
    recordId: id,
    action: 'update',
    changes: [
      {
        field: 'progress',
        old: null,
        new: { line: line.name, percent: b.percent, milestone: b.milestone ?? null, reachedOn: b.reachedOn },
      },
    ],
  });
}
