import type { PoolReason, poolCustomerListQuery } from '@contracts/customer-pool.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, actorUserId } from '../../platform/access/actor.js';
import { assertClaimable, assertSeesPool } from '../../platform/access/pool-visibility.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { findVisible } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { customerPoolRules } from './pool-rules.js';

const DAY_MS = 86_400_000;

interface PoolRow {
  id: string;
  name: string;
  industry: string | null;
  grade: string | null;
  region: string | null;
  is_key: boolean;
  pooled_at: Date;
  pool_reason: PoolReason;
  pooled_from: string | null;
  pooled_from_name: string | null;
  last_follow_up_at: Date | null;
  contact_count: number;
}

/** C3 public pool: every customer without an owner, for the reps of the pool's departments. */
export async function listPoolCustomers(db: Db, actor: Actor, clock: Clock, q: z.infer<typeof poolCustomerListQuery>) {
  const rules = await customerPoolRules(db);
  await assertSeesPool(db, actor, rules.departmentIds);
  let f = db.selectFrom('customers').where('deleted_at', 'is', null).where('owner_id', 'is', null);
  if (q.q) f = f.where('name', 'ilike', likePattern(q.q));
  if (q.industry) f = f.where('industry', '=', q.industry);
  if (q.reason) f = f.where('pool_reason', '=', q.reason);
  const page = await runList<PoolRow>(f, q, { pooledAt: 'pooled_at', name: 'name' }, '-pooledAt', (x) =>
    x.select([
      'id',
      'name',
      'industry',
      'grade',
      'region',
      'is_key',
      'pooled_at',
      'pool_reason',
      'pooled_from',
      sql<string | null>`(SELECT display_name FROM users WHERE id = customers.pooled_from)`.as('pooled_from_name'),
      sql<Date | null>`(SELECT max(occurred_at) FROM follow_ups WHERE customer_id = customers.id AND deleted_at IS NULL)`.as(
        'last_follow_up_at',
      ),
      sql<number>`(SELECT count(*)::int FROM contacts WHERE customer_id = customers.id AND deleted_at IS NULL)`.as('contact_count'),
    ]),
  );
  const now = clock.now().getTime();
  return {
    ...page,
    items: page.items.map((r) => {
      const until = r.pooled_from === actor.userId ? new Date(r.pooled_at).getTime() + rules.reclaimCooldownDays * DAY_MS : 0;
      return {
        id: r.id,
        name: r.name,
        industry: r.industry,
        grade: r.grade,
        region: r.region,
        isKey: r.is_key,
        pooledAt: new Date(r.pooled_at).toISOString(),
        poolReason: r.pool_reason,
        pooledFromName: r.pooled_from_name,
        lastFollowUpAt: r.last_follow_up_at ? new Date(r.last_follow_up_at).toISOString() : null,
        contactCount: r.contact_count,
        claimableFrom: until > now ? new Date(until).toISOString() : null,
      };
    }),
  };
}

/**
 * A customer leaves its owner for the pool: by the owner (released), by a manager (moved) or by
 * the nightly rules. The customer's contacts stay with the last owner until someone claims it.
 */
export async function moveToPool(
  trx: Db,
  actor: Actor,
  now: Date,
  customer: { id: string; owner_id: string | null },
  reason: PoolReason,
  note?: string,
) {
  await trx
    .updateTable('customers')
    .set({
      owner_id: null,
      owner_dept_id: null,
      pooled_at: now,
      pool_reason: reason,
      pooled_from: customer.owner_id,
      version: sql`version + 1`,
      updated_by: actorUserId(actor),
      updated_at: now,
    })
    .where('id', '=', customer.id)
    .execute();
  await writeHistory(trx, actor, {
    entity: 'customer',
    recordId: customer.id,
    action: 'release',
    at: now,
    changes: [
      { field: 'owner_id', old: customer.owner_id, new: null },
      { field: 'pool_reason', old: null, new: note ? `${reason}: ${note}` : reason },
    ],
  });
}

export async function releaseCustomer(trx: Db, actor: Actor, now: Date, id: string, note?: string) {
  const c = await findVisible(trx, actor, customerEntity, id, { forUpdate: true });
  const ownerId = c.owner_id as string;
  await moveToPool(trx, actor, now, { id, owner_id: ownerId }, ownerId === actor.userId ? 'released' : 'moved', note);
}

/** Claiming from the pool, within the daily limit, the holding limit and the re-claim cooldown. */
export async function claimCustomer(trx: Db, actor: Actor, clock: Clock, timeZone: string, id: string) {
  const c = await trx
    .selectFrom('customers')
    .select(['id', 'owner_id', 'owner_dept_id', 'pooled_at', 'pooled_from'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  const rules = await customerPoolRules(trx);
  await assertClaimable(trx, actor, { ...c, inPool: true }, rules.departmentIds, 'CUSTOMER_NOT_IN_POOL');
  const now = clock.now();
  const { rows: claimed } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM record_history
     WHERE entity = 'customer' AND action = 'claim' AND actor_id = ${actor.userId}
       AND at >= (date_trunc('day', ${now}::timestamptz AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})`.execute(trx);
  if ((claimed[0]?.n ?? 0) >= rules.maxClaimsPerDay) throw new AppError('POOL_DAILY_LIMIT', { params: { limit: rules.maxClaimsPerDay } });
  const held = await trx
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', actor.userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(held.n) >= rules.maxHeld) throw new AppError('POOL_HOLD_LIMIT_CUSTOMERS', { params: { limit: rules.maxHeld } });
  if (c.pooled_from === actor.userId && c.pooled_at && now.getTime() - new Date(c.pooled_at).getTime() < rules.reclaimCooldownDays * DAY_MS)
    throw new AppError('POOL_COOLDOWN_CUSTOMER', { params: { days: rules.reclaimCooldownDays } });

  await trx
    .updateTable('customers')
    .set({
      owner_id: actor.userId,
      owner_dept_id: actor.departmentId,
      pooled_at: null,
      pool_reason: null,
      pooled_from: null,
      version: sql`version + 1`,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await writeHistory(trx, actor, {
    entity: 'customer',
    recordId: id,
    action: 'claim',
    at: now,
    changes: [{ field: 'owner_id', old: null, new: actor.userId }],
  });
  // The contacts come along: whoever works the customer works its people.
  const contacts = await trx
    .updateTable('contacts')
    .set({ owner_id: actor.userId, owner_dept_id: actor.departmentId, version: sql`version + 1`, updated_at: now })
    .where('customer_id', '=', id)
    .where('deleted_at', 'is', null)
    .where('owner_id', '!=', actor.userId)
    .returning(['id'])
    .execute();
  for (const contact of contacts)
    await writeHistory(trx, actor, { entity: 'contact', recordId: contact.id, action: 'transfer', at: now, changes: [] });
}
