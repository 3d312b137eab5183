import { fen, formatFen } from '@contracts/quote-money.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import type { InstalmentState } from './receivable-contract.js';

// How a payment's money is spread over the plan's instalments: exact in fen, never past an
// instalment's room or the contract's open amount.

export type Allocation = { instalmentId: string; amount: bigint };

/** The oldest instalments (by due date) not yet fully allocated take the payment first. */
function allocateOldestFirst(states: InstalmentState[], amount: bigint): Allocation[] {
  const out: Allocation[] = [];
  let left = amount;
  const byDue = [...states].sort((a, b) => a.due_date.localeCompare(b.due_date) || a.position - b.position);
  for (const i of byDue) {
    if (left === 0n) break;
    const room = fen(i.amount) - fen(i.allocated);
    if (room <= 0n) continue;
    // biome-ignore lint/complexity/useMathMinMax: bigint fen; Math.min takes numbers only
    const take = room < left ? room : left;
    out.push({ instalmentId: i.id, amount: take });
    left -= take;
  }
  return out;
}

/** The caller's allocations, merged per instalment and checked against each instalment's room. */
function checkAllocations(states: InstalmentState[], amount: bigint, given: { instalmentId: string; amount: string }[]): Allocation[] {
  const byId = new Map(states.map((i) => [i.id, i]));
  const merged = new Map<string, bigint>();
  given.forEach((a, n) => {
    if (!byId.has(a.instalmentId)) throw fieldError(`allocations.${n}.instalmentId`, 'instalment_unknown');
    merged.set(a.instalmentId, (merged.get(a.instalmentId) ?? 0n) + fen(a.amount));
  });
  const sum = [...merged.values()].reduce((s, v) => s + v, 0n);
  if (sum !== amount) throw fieldError('allocations', 'allocation_sum', { sum: formatFen(sum), amount: formatFen(amount) });
  for (const [id, want] of merged) {
    const i = byId.get(id) as InstalmentState;
    const room = fen(i.amount) - fen(i.allocated);
    if (want > room)
      throw new AppError('INSTALMENT_OVER_ALLOCATED', {
        params: { position: i.position, remaining: formatFen(room), amount: formatFen(want) },
      });
  }
  return [...merged].map(([instalmentId, a]) => ({ instalmentId, amount: a }));
}

/**
 * What a payment of `amount` may take: refused beyond what is still open on the contract (expected
 * payments reserve their share too, so two cannot promise the same money), then allocated as given
 * or to the oldest open instalments. `states` must not count the payment being corrected.
 */
export function allocate(
  contractAmount: string,
  states: InstalmentState[],
  amount: string,
  given: { instalmentId: string; amount: string }[] | undefined,
): Allocation[] {
  if (states.length === 0) throw new AppError('PAYMENT_NO_PLAN');
  const want = fen(amount);
  const reserved = states.reduce((s, i) => s + fen(i.allocated), 0n);
  const open = fen(contractAmount) - reserved;
  if (want > open) throw new AppError('PAYMENT_OVER_UNPAID', { params: { amount, unpaid: formatFen(open < 0n ? 0n : open) } });
  return given ? checkAllocations(states, want, given) : allocateOldestFirst(states, want);
}

export async function writeAllocations(trx: Db, paymentId: string, allocations: Allocation[]) {
  if (allocations.length === 0) return;
  await trx
    .insertInto('payment_allocations')
    .values(allocations.map((a) => ({ payment_id: paymentId, instalment_id: a.instalmentId, amount: formatFen(a.amount) })))
    .execute();
}

/** The allocations as history shows them: instalment position and amount. */
export async function allocationsForHistory(trx: Db, paymentId: string) {
  return (
    await trx
      .selectFrom('payment_allocations as a')
      .innerJoin('payment_instalments as i', 'i.id', 'a.instalment_id')
      .select(['i.position', 'a.amount'])
      .where('a.payment_id', '=', paymentId)
      .orderBy('i.position')
      .execute()
  ).map((a) => ({ position: a.position, amount: a.amount }));
}
