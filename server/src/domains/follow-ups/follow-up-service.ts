import type { createFollowUpBody, followUpListQuery, updateFollowUpBody } from '@contracts/follow-ups.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { followUpEntity } from './follow-up-entity.js';
import { emitFollowUpCreated } from './follow-up-events.js';
import { notifyFollowUpMentions } from './follow-up-mentions.js';
import type { FollowUpRow } from './follow-up-table.js';

type Body = Partial<z.infer<typeof createFollowUpBody>>;

function columns(b: Body): Record<string, unknown> {
  const map: Record<string, unknown> = {
    customer_id: b.customerId,
    contact_id: b.contactId,
    opportunity_id: b.opportunityId,
    type: b.type,
    occurred_at: b.occurredAt,
    content: b.content,
    outcome: b.outcome,
    next_follow_up_date: b.nextFollowUpDate,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

export async function followUpsToApi(db: Db, rows: FollowUpRow[]) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const customerName = await titlesById(
    db,
    'customers',
    rows.map((r) => r.customer_id),
  );
  const contactName = await titlesById(
    db,
    'contacts',
    rows.map((r) => r.contact_id),
  );
  const dealName = await titlesById(
    db,
    'opportunities',
    rows.map((r) => r.opportunity_id),
  );
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
    customerId: r.customer_id,
    customerName: customerName.get(r.customer_id) ?? '',
    contactId: r.contact_id,
    contactName: r.contact_id ? (contactName.get(r.contact_id) ?? null) : null,
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_id ? (dealName.get(r.opportunity_id) ?? null) : null,
    type: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    content: r.content,
    outcome: r.outcome,
    nextFollowUpDate: r.next_follow_up_date,
  }));
}

const SORTABLE: Record<string, string> = { occurredAt: 'occurred_at', createdAt: 'created_at', nextFollowUpDate: 'next_follow_up_date' };

/** Lists follow-ups the actor's scope covers; a customer's page shows every follow-up of that customer instead (see timeline). */
export async function listFollowUps(db: Db, actor: Actor, q: z.infer<typeof followUpListQuery>) {
  let f = db.selectFrom('follow_ups').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.contactId) f = f.where('contact_id', '=', q.contactId);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.type) f = f.where('type', '=', q.type);
  if (q.from) f = f.where('occurred_at', '>=', new Date(q.from));
  if (q.to) f = f.where('occurred_at', '<', new Date(q.to));
  if (q.q) f = f.where('content', 'ilike', likePattern(q.q));
  const page = await runList<FollowUpRow>(f, q, SORTABLE, '-occurredAt', (x) => x.selectAll());
  return { ...page, items: await followUpsToApi(db, page.items) };
}

/** The contact must belong to the follow-up's customer, or the record would tell two stories. */
async function assertContactOfCustomer(trx: Db, contactId: string | null | undefined, customerId: string) {
  if (!contactId) return;
  const c = await trx
    .selectFrom('contacts')
    .select('id')
    .where('id', '=', contactId)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!c) throw new AppError('VALIDATION', { fields: { contactId: { key: 'reference' } } });
}

/** A follow-up on a deal is about that deal's customer: the link may not cross customers. */
async function assertOpportunityOfCustomer(trx: Db, opportunityId: string | null | undefined, customerId: string) {
  if (!opportunityId) return;
  const o = await trx
    .selectFrom('opportunities')
    .select('id')
    .where('id', '=', opportunityId)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!o) throw new AppError('VALIDATION', { fields: { opportunityId: { key: 'reference' } } });
}

/**
 * Anyone who can see a customer may log a follow-up on it: the manager who joined a visit writes
 * his own record, owned by him, and it shows on the customer's timeline for the owner too.
 */
export async function createFollowUp(
  trx: Db,
  actor: Actor,
  env: { clock: Clock; timeZone: string },
  b: z.infer<typeof createFollowUpBody>,
) {
  await findVisible(trx, actor, customerEntity, b.customerId).catch(() => {
    throw new AppError('VALIDATION', { fields: { customerId: { key: 'reference' } } });
  });
  await assertContactOfCustomer(trx, b.contactId, b.customerId);
  await assertOpportunityOfCustomer(trx, b.opportunityId, b.customerId);
  const values = columns({ ...b, occurredAt: b.occurredAt ?? env.clock.now().toISOString() });
  const row = await insertRecord(trx, actor, followUpEntity, values);
  await emitFollowUpCreated(trx, row as unknown as FollowUpRow, { timeZone: env.timeZone });
  await notifyFollowUpMentions(trx, actor, row as unknown as FollowUpRow);
  return row.id as string;
}

export async function getFollowUp(db: Db, actor: Actor, id: string) {
  const row = (await findVisible(db, actor, followUpEntity, id)) as unknown as FollowUpRow;
  return (await followUpsToApi(db, [row]))[0];
}

export async function updateFollowUp(trx: Db, actor: Actor, id: string, body: z.infer<typeof updateFollowUpBody>) {
  const { version, ...b } = body;
  const before = (await findVisible(trx, actor, followUpEntity, id)) as unknown as FollowUpRow;
  await assertContactOfCustomer(trx, b.contactId, before.customer_id);
  await assertOpportunityOfCustomer(trx, b.opportunityId, before.customer_id);
  const after = await updateRecord(
    trx,
    actor,
    followUpEntity,
    id,
    version,
    columns(b),
    async (row) => (await followUpsToApi(trx, [row as unknown as FollowUpRow]))[0],
  );
  if (b.content !== undefined) await notifyFollowUpMentions(trx, actor, after as unknown as FollowUpRow);
  return (await followUpsToApi(trx, [after as unknown as FollowUpRow]))[0];
}

export const deleteFollowUp = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, followUpEntity, id);
