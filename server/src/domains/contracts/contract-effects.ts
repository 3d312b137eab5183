import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { applyEffectiveContract } from '../opportunities/public.js';

/**
 * Another domain's part in a contract becoming effective at an amount — on approval, and again each
 * time an amendment changes the amount (receivables keeps the payment plan adding up). Runs in the
 * approving transaction, after the contract row has its new amount (the row is locked by it).
 */
export type ContractEffectListener = (trx: Db, e: { actor: Actor; now: Date; contractId: string; amount: string }) => Promise<void>;

const listeners: ContractEffectListener[] = [];

export function onContractEffective(listener: ContractEffectListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** What an effective contract changes elsewhere: its deal is won at the contract's amount; listeners follow. */
export async function whenEffective(trx: Db, approver: Actor, now: Date, contractId: string) {
  const c = await trx.selectFrom('contracts').select(['opportunity_id', 'amount']).where('id', '=', contractId).executeTakeFirstOrThrow();
  if (c.opportunity_id) await applyEffectiveContract(trx, approver, { now: () => now }, c.opportunity_id, c.amount);
  for (const listener of listeners) await listener(trx, { actor: approver, now, contractId, amount: c.amount });
}
