import type { acceptQuoteBody } from '@contracts/quotes.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { submitForApproval } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { businessDate } from '../../platform/dates.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible, insertRecord } from '../../platform/records/record-store.js';
import { applyAcceptedQuote } from '../opportunities/public.js';
import { discountLimitOf } from './discount-limits.js';
import { quoteEntity } from './quote-entity.js';
import { overLimit, type StoredLine } from './quote-lines.js';
import { assertStatus } from './quote-rules.js';
import type { Env, QuoteRow } from './quote-service.js';
import { writeLines } from './quote-service.js';

/**
 * A change of status, with its history row and a new version. Approval hooks run as the approver,
 * who may not have the quote in his own scope, so this writes directly rather than through the scoped
 * record store.
 */
export async function setQuoteStatus(
  trx: Db,
  actor: Actor,
  q: Pick<QuoteRow, 'id' | 'status'>,
  patch: Partial<Record<keyof QuoteRow, unknown>> & { status: QuoteRow['status'] },
) {
  await trx
    .updateTable('quotes')
    .set({
      ...(patch as object),
      version: (eb) => eb('version', '+', 1),
      updated_by: actor.via === 'system' ? null : actor.userId,
      updated_at: new Date(),
    })
    .where('id', '=', q.id)
    .execute();
  await writeHistory(trx, actor, {
    entity: 'quote',
    recordId: q.id,
    action: 'update',
    changes: [{ field: 'status', old: q.status, new: patch.status }],
  });
}

async function lockQuote(trx: Db, actor: Actor, id: string, version: number): Promise<QuoteRow> {
  const q = (await findVisible(trx, actor, quoteEntity, id, { forUpdate: true })) as unknown as QuoteRow;
  if (q.version !== version) throw new AppError('VERSION_CONFLICT');
  return q;
}

async function storedLines(trx: Db, id: string): Promise<StoredLine[]> {
  const rows = await trx.selectFrom('quote_lines').selectAll().where('quote_id', '=', id).orderBy('position').execute();
  return rows.map(({ id: _id, quote_id: _q, ...l }) => l);
}

/**
 * Submit: within the submitter's discount limit the quote is approved at once; beyond it (any line,
 * or the whole quote) it goes through the approval engine and is locked until decided.
 */
export async function submitQuote(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const q = await lockQuote(trx, actor, id, version);
  assertStatus(q, ['draft']);
  const limit = await discountLimitOf(trx, actor.userId, actor);
  const over = overLimit(await storedLines(trx, id), q.whole_discount, limit);
  const now = env.clock.now();
  if (!over.any) {
    await setQuoteStatus(trx, actor, q, { status: 'approved', approved_at: now, needed_approval: false });
    return;
  }
  await setQuoteStatus(trx, actor, q, { status: 'in_approval', needed_approval: true });
  await submitForApproval(trx, actor, 'quote', id, { now, timeZone: env.timeZone });
}

/** Sent to the customer: an approved quote, or a draft that needs no approval (approved on the way). */
export async function sendQuote(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const q = await lockQuote(trx, actor, id, version);
  assertStatus(q, ['draft', 'approved']);
  const now = env.clock.now();
  if (q.status === 'draft') {
    const limit = await discountLimitOf(trx, actor.userId, actor);
    if (overLimit(await storedLines(trx, id), q.whole_discount, limit).any)
      throw new AppError('QUOTE_NEEDS_APPROVAL', { params: { limit } });
    await setQuoteStatus(trx, actor, q, { status: 'sent', approved_at: now, needed_approval: false, sent_at: now });
    return;
  }
  await setQuoteStatus(trx, actor, q, { status: 'sent', sent_at: now });
}

/**
 * The customer accepted: the opportunity's amount becomes the quote's total and it moves to the stage
 * its pipeline names for an accepted quote (if any), in this same transaction.
 */
export async function acceptQuote(trx: Db, actor: Actor, env: Env, id: string, b: z.infer<typeof acceptQuoteBody>) {
  const q = await lockQuote(trx, actor, id, b.version);
  assertStatus(q, ['sent', 'approved']);
  const today = businessDate(env.clock.now(), env.timeZone);
  if (q.valid_until && q.valid_until < today) throw new AppError('QUOTE_EXPIRED', { params: { date: q.valid_until } });
  await setQuoteStatus(trx, actor, q, { status: 'accepted', accepted_at: env.clock.now(), sent_at: q.sent_at ?? env.clock.now() });
  const stage = b.moveOpportunity
    ? await trx
        .selectFrom('opportunities as o')
        .innerJoin('quote_pipeline_stages as s', 's.pipeline_id', 'o.pipeline_id')
        .select('s.stage_id')
        .where('o.id', '=', q.opportunity_id)
        .executeTakeFirst()
    : undefined;
  await applyAcceptedQuote(trx, actor, env.clock, q.opportunity_id, { amount: q.total, stageId: stage?.stage_id ?? null });
}

export async function rejectByCustomer(trx: Db, actor: Actor, env: Env, id: string, version: number, reason: string) {
  const q = await lockQuote(trx, actor, id, version);
  assertStatus(q, ['sent']);
  await setQuoteStatus(trx, actor, q, { status: 'rejected', customer_rejected_at: env.clock.now(), customer_reject_reason: reason });
}

/** A new version: a draft copy with the same number and lines; the old one stays readable, marked superseded. */
export async function reviseQuote(trx: Db, actor: Actor, env: Env, id: string, version: number): Promise<string> {
  const q = await lockQuote(trx, actor, id, version);
  assertStatus(q, ['approved', 'sent', 'rejected', 'expired']);
  const {
    id: _id,
    version: _v,
    status: _s,
    created_at,
    updated_at,
    created_by,
    updated_by,
    deleted_at,
    deleted_by,
    owner_id,
    owner_dept_id,
    ...rest
  } = q;
  const copy = await insertRecord(
    trx,
    actor,
    quoteEntity,
    {
      ...rest,
      revision: q.revision + 1,
      supersedes_id: q.id,
      approved_at: null,
      sent_at: null,
      accepted_at: null,
      customer_rejected_at: null,
      customer_reject_reason: null,
      needed_approval: null,
    },
    owner_id,
  );
  await writeLines(trx, String(copy.id), await storedLines(trx, id));
  await setQuoteStatus(trx, actor, q, { status: 'superseded' });
  void env;
  return String(copy.id);
}
