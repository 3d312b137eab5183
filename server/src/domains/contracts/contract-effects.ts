import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { applyEffectiveContract } from '../opportunities/public.js';

/** What an effective contract changes elsewhere: its deal is won at the contract's amount. */
export async function whenEffective(trx: Db, approver: Actor, now: Date, contractId: string) {
  const c = await trx.selectFrom('contracts').select(['opportunity_id', 'amount']).where('id', '=', contractId).executeTakeFirstOrThrow();
  if (c.opportunity_id) await applyEffectiveContract(trx, approver, { now: () => now }, c.opportunity_id, c.amount);
}
