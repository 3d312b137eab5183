import type { putPaymentPlanBody, splitPlanBody } from '@contracts/receivables.js';
import { splitEvenly } from '@contracts/receivables.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { type InstalmentState, instalmentStates, receivableContract } from './receivable-contract.js';

const instalmentToApi = (i: InstalmentState) => ({
  id: i.id,
  position: i.position,
  dueDate: i.due_date,
  amount: i.amount,
  milestone: i.milestone,
  note: i.note,
  allocated: i.allocated,
  paid: i.paid,
});

/** The plan and whether it still adds up to the contract's amount (an amendment may have changed it). */
export function planBalance(contractAmount: string, instalments: { amount: string }[]) {
  const total = instalments.reduce((s, i) => s + fen(i.amount), 0n);
  const balanced = instalments.length > 0 && total === fen(contractAmount);
  return {
    planTotal: formatFen(total),
    balanced,
    status: instalments.length === 0 ? ('none' as const) : balanced ? ('balanced' as const) : ('needs_attention' as const),
    difference: formatFen(fen(contractAmount) - total),
  };
}

export async function getPaymentPlan(db: Db, actor: Actor, contractId: string) {
  const c = await receivableContract(db, actor, contractId);
  const instalments = await instalmentStates(db, c.id);
  const balance = planBalance(c.amount, instalments);
  // An ended contract's plan is closed: what it received stays, the rest is no longer asked for.
  const ended = (c.status === 'terminated' || c.status === 'voided') && instalments.length > 0;
  return {
    contractId: c.id,
    contractAmount: c.amount,
    ...balance,
    status: ended ? ('closed' as const) : balance.status,
    instalments: instalments.map(instalmentToApi),
  };
}

/** M1: the helper's proposal, not saved: the contract's amount in even instalments, odd fen on the last. */
export async function proposeSplit(db: Db, actor: Actor, contractId: string, b: z.infer<typeof splitPlanBody>) {
  const c = await receivableContract(db, actor, contractId, { effective: true });
  // Every instalment must hold at least one fen (0.02 cannot go in three).
  if (BigInt(b.count) > fen(c.amount)) throw fieldError('count', 'too_big', { max: Number(fen(c.amount)) });
  return { instalments: splitEvenly(c.amount, b.count, b.firstDueDate, b.monthsApart) };
}

/**
 * M1: replaces the plan of an effective contract. The instalments must add up to the contract's
 * amount to the fen. Money already allocated stays where it is: an instalment with allocations must
 * be in the new plan (by id) and may not shrink below what is allocated to it (409 otherwise).
 */
export async function replacePaymentPlan(trx: Db, actor: Actor, contractId: string, b: z.infer<typeof putPaymentPlanBody>) {
  const c = await receivableContract(trx, actor, contractId, { lock: true, effective: true });
  const sum = b.instalments.reduce((s, i) => s + fen(i.amount), 0n);
  if (sum !== fen(c.amount)) throw fieldError('instalments', 'plan_sum', { sum: formatFen(sum), amount: c.amount });

  const current = new Map((await instalmentStates(trx, c.id)).map((i) => [i.id, i]));
  const kept = new Map<string, bigint>();
  b.instalments.forEach((i, n) => {
    if (!i.id) return;
    if (!current.has(i.id) || kept.has(i.id)) throw fieldError(`instalments.${n}.id`, 'instalment_unknown');
    kept.set(i.id, fen(i.amount));
  });
  for (const old of current.values()) {
    const allocated = fen(old.allocated);
    if (allocated === 0n) continue;
    const next = kept.get(old.id);
    if (next === undefined || next < allocated)
      throw new AppError('PLAN_DROPS_ALLOCATED', { params: { position: old.position, allocated: old.allocated } });
  }

  const dropped = [...current.keys()].filter((id) => !kept.has(id));
  if (dropped.length > 0) {
    // Allocations of deleted payments may still point at a dropped instalment: they go with it.
    await trx.deleteFrom('payment_allocations').where('instalment_id', 'in', dropped).execute();
    await trx.deleteFrom('payment_instalments').where('id', 'in', dropped).execute();
  }
  for (const [n, i] of b.instalments.entries()) {
    const values = { position: n + 1, due_date: i.dueDate, amount: i.amount, milestone: i.milestone ?? null, note: i.note ?? null };
    if (i.id) {
      await trx
        .updateTable('payment_instalments')
        .set({ ...values, updated_at: sql`now()` })
        .where('id', '=', i.id)
        .execute();
    } else {
      await trx
        .insertInto('payment_instalments')
        .values({ ...values, contract_id: c.id })
        .execute();
    }
  }
  return getPaymentPlan(trx, actor, c.id);
}
