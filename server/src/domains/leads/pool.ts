import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { assertClaimable } from '../../platform/access/pool-visibility.js';
import { readSetting, saveSetting } from '../../platform/app-settings.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { findVisible } from '../../platform/records/record-store.js';
import { leadEntity } from './lead-entity.js';
import { type LeadRow, moveLead } from './lead-service.js';

export const poolRulesSchema = z.object({
  /** K: claims per rep per day (company time zone). */
  maxClaimsPerDay: z.number().int().min(1).max(10_000),
  /** H: open leads a rep may hold. */
  maxHeld: z.number().int().min(1).max(100_000),
  /** D: days before a rep may re-claim a lead he returned. */
  reclaimCooldownDays: z.number().int().min(0).max(365),
  /** Departments (with their sub-departments) whose reps see the lead pool; empty = everyone. */
  departmentIds: z.array(z.uuid()).max(200).default([]),
});
export type PoolRules = z.infer<typeof poolRulesSchema>;
const DEFAULT_POOL_RULES: PoolRules = { maxClaimsPerDay: 20, maxHeld: 200, reclaimCooldownDays: 7, departmentIds: [] };

export const poolRules = (db: Db) => readSetting(db, 'pool_rules', poolRulesSchema, DEFAULT_POOL_RULES);
export const savePoolRules = (db: Db, rules: PoolRules) => saveSetting(db, 'pool_rules', rules);

/** The public pool's rules (公海): a daily claim limit, a holding limit and a re-claim cooldown. */
export async function claimLead(trx: Db, actor: Actor, clock: Clock, timeZone: string, id: string) {
  const lead = (await trx
    .selectFrom('leads')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()) as LeadRow | undefined;
  if (!lead) throw new AppError('NOT_FOUND');
  const rules = await poolRules(trx);
  const inPool = lead.status !== 'converted' && lead.status !== 'disqualified';
  await assertClaimable(trx, actor, { ...lead, inPool }, rules.departmentIds, 'NOT_IN_POOL');
  const now = clock.now();
  const { rows: claimed } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM record_history
     WHERE entity = 'lead' AND action = 'claim' AND actor_id = ${actor.userId}
       AND at >= (date_trunc('day', ${now}::timestamptz AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})`.execute(trx);
  if ((claimed[0]?.n ?? 0) >= rules.maxClaimsPerDay) throw new AppError('POOL_DAILY_LIMIT', { params: { limit: rules.maxClaimsPerDay } });
  const held = await trx
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', actor.userId)
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['converted', 'disqualified'])
    .executeTakeFirst();
  if (Number(held?.n ?? 0) >= rules.maxHeld) throw new AppError('POOL_HOLD_LIMIT', { params: { limit: rules.maxHeld } });
  if (rules.reclaimCooldownDays > 0) {
    const { rows: returned } = await sql<{ at: Date }>`
      SELECT at FROM record_history
       WHERE entity = 'lead' AND record_id = ${id} AND action = 'release' AND old_value = to_jsonb(${actor.userId}::text)
         AND at > ${new Date(now.getTime() - rules.reclaimCooldownDays * 86_400_000)} LIMIT 1`.execute(trx);
    if (returned.length > 0) throw new AppError('POOL_COOLDOWN', { params: { days: rules.reclaimCooldownDays } });
  }
  await moveLead(trx, actor, now, lead, actor.userId, actor.departmentId, 'claim');
}

/** A rep gives a lead back to the pool; the release is remembered for the cooldown. */
export async function releaseLead(trx: Db, actor: Actor, now: Date, id: string) {
  const lead = (await findVisible(trx, actor, leadEntity, id, { forUpdate: true })) as unknown as LeadRow;
  if (lead.status === 'converted') throw new AppError('LEAD_CONVERTED');
  await moveLead(trx, actor, now, lead, null, null, 'release');
}
