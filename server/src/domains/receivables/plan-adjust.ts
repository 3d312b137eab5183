import { addMonths } from '@contracts/receivables.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { onContractEffective } from '../contracts/public.js';
import { instalmentStates } from './receivable-contract.js';
import { businessToday } from './receivable-env.js';

export type PlanAdjustment = 'none' | 'balanced' | 'increased' | 'decreased' | 'needs_attention';

/**
 * M1: an amendment changed the contract's amount; the plan follows so it still adds up exactly.
 * - More: the difference goes on the last instalment when it still has room for money (not fully
 *   allocated); otherwise a new last instalment takes it, due a month after the last one (today at
 *   the earliest).
 * - Less: taken from the last instalments first, each down to what is allocated to it (an instalment
 *   left with nothing goes); never below what payments already reserve.
 * - When less cannot be taken (the new amount is below what payments reserve) the plan is left as it
 *   is: its read answers balanced: false, status needs_attention, until someone replans.
 * Runs under the contract row's lock (the amendment's approval holds it).
 */
export async function adjustPlanToAmount(trx: Db, contractId: string, amount: string, today: string): Promise<PlanAdjustment> {
  const states = await instalmentStates(trx, contractId);
  if (states.length === 0) return 'none';
  const total = states.reduce((s, i) => s + fen(i.amount), 0n);
  const target = fen(amount);
  if (total === target) return 'balanced';

  if (target > total) {
    const more = target - total;
    const last = states[states.length - 1];
    if (fen(last.allocated) < fen(last.amount)) {
      await trx
        .updateTable('payment_instalments')
        .set({ amount: formatFen(fen(last.amount) + more), updated_at: sql`now()` })
        .where('id', '=', last.id)
        .execute();
    } else {
      const next = addMonths(last.due_date, 1);
      await trx
        .insertInto('payment_instalments')
        .values({
          contract_id: contractId,
          position: last.position + 1,
          due_date: next < today ? today : next,
          amount: formatFen(more),
          milestone: null,
          note: null,
        })
        .execute();
    }
    return 'increased';
  }

  let less = total - target;
  const room = states.reduce((s, i) => s + (fen(i.amount) - fen(i.allocated)), 0n);
  if (room < less) return 'needs_attention';
  const dropped: string[] = [];
  for (const i of [...states].reverse()) {
    if (less === 0n) break;
    const free = fen(i.amount) - fen(i.allocated);
    if (free <= 0n) continue;
    // biome-ignore lint/complexity/useMathMinMax: bigint fen; Math.min takes numbers only
    const take = free < less ? free : less;
    less -= take;
    const left = fen(i.amount) - take;
    if (left === 0n) dropped.push(i.id);
    else
      await trx
        .updateTable('payment_instalments')
        .set({ amount: formatFen(left), updated_at: sql`now()` })
        .where('id', '=', i.id)
        .execute();
  }
  if (dropped.length > 0) {
    // Allocations of payments in the recycle bin may still point at a dropped instalment: they go with it.
    await trx.deleteFrom('payment_allocations').where('instalment_id', 'in', dropped).execute();
    await trx.deleteFrom('payment_instalments').where('id', 'in', dropped).execute();
    await sql`
      UPDATE payment_instalments i SET position = n.position
        FROM (SELECT id, row_number() OVER (ORDER BY position)::int AS position FROM payment_instalments WHERE contract_id = ${contractId}) n
       WHERE i.id = n.id AND i.position <> n.position`.execute(trx);
  }
  return 'decreased';
}

// A contract effective at first approval has no plan yet (nothing to do); an amendment changes the
// amount and the plan follows.
onContractEffective(async (trx, e) => {
  await adjustPlanToAmount(trx, e.contractId, e.amount, businessToday(e.now));
});
