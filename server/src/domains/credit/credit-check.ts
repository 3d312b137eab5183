import { fen, formatFen } from '@contracts/quote-money.js';
import { flowTestsFact } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { exposuresOf } from './credit-position.js';

/** The fact a document's approval flow tests to route an over-limit submission to a credit override step. */
export const CREDIT_EXCESS_FACT = 'creditExcess';

/** ¥1,234,567.00 — how finance reads an amount in a message. */
export function yuan(f: bigint): string {
  const s = formatFen(f < 0n ? -f : f);
  const [whole, cents] = s.split('.');
  return `${f < 0n ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export interface CreditExcess {
  limit: bigint;
  exposure: bigint;
  adding: bigint;
  /** exposure + adding − limit; zero or less passes (exactly at the limit passes). */
  excess: bigint;
}

/**
 * Where `adding` would leave the customer against its limit; null when it has none. Locks the
 * customer's row, so two documents for one customer are checked one after the other.
 */
export async function creditExcess(trx: Db, customerId: string, adding: string): Promise<CreditExcess | null> {
  // No key update: the lock serialises credit checks without blocking rows that merely reference the customer.
  const row = await trx.selectFrom('customers').select('credit_limit').where('id', '=', customerId).forNoKeyUpdate().executeTakeFirst();
  if (!row || row.credit_limit === null) return null;
  const { exposure } = (await exposuresOf(trx, [customerId]))(customerId, 'zh-CN');
  const limit = fen(row.credit_limit);
  const add = fen(adding);
  return { limit, exposure, adding: add, excess: exposure + add - limit };
}

/**
 * What a submission's gate (assertWithinCredit) found, kept for the approval engine's load of the same
 * document in the same transaction — which follows at once — so a submit reads the exposure once.
 * Taken when read: any later load (the approval centre, a re-submission) computes afresh.
 */
const checked = new WeakMap<Db, Map<string, CreditExcess | null>>();
const checkKey = (customerId: string, adding: string) => `${customerId}:${formatFen(fen(adding))}`;

/** The credit-excess fact for a document's approval conditions: the amount over the limit, or 0. */
export async function creditExcessFact(trx: Db, customerId: string, adding: string): Promise<string> {
  const kept = checked.get(trx);
  const key = checkKey(customerId, adding);
  const c = kept?.has(key) ? (kept.get(key) ?? null) : await creditExcess(trx, customerId, adding);
  kept?.delete(key);
  return formatFen(c && c.excess > 0n ? c.excess : 0n);
}

/**
 * M3: call when a contract or an order is about to bind the company. Past the limit it is stopped
 * with the limit, the exposure and the excess named — unless the document's approval flow has a
 * step for it (a condition on 超出信用额度), which then decides as the credit override.
 */
export async function assertWithinCredit(
  trx: Db,
  gate: { documentType: string; customerId: string; customerName: string; adding: string },
): Promise<CreditExcess | null> {
  const c = await creditExcess(trx, gate.customerId, gate.adding);
  if (!checked.has(trx)) checked.set(trx, new Map());
  checked.get(trx)?.set(checkKey(gate.customerId, gate.adding), c);
  if (!c || c.excess <= 0n) return c;
  const facts = { [CREDIT_EXCESS_FACT]: formatFen(c.excess) };
  if (await flowTestsFact(trx, gate.documentType, CREDIT_EXCESS_FACT, facts)) return c;
  throw new AppError('CREDIT_LIMIT_EXCEEDED', {
    params: {
      customer: gate.customerName,
      limit: yuan(c.limit),
      exposure: yuan(c.exposure),
      adding: yuan(c.adding),
      excess: yuan(c.excess),
    },
  });
}
