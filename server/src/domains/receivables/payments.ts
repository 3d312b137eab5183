import { fen, formatFen } from '@contracts/quote-money.js';
import type { createPaymentBody, paymentListQuery } from '@contracts/receivables.js';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, updateRecord } from '../../platform/records/record-store.js';
import { paymentEntity } from './payment-entity.js';
import { type InstalmentState, instalmentStates, receivableContract } from './receivable-contract.js';
import type { PaymentTable } from './receivable-table.js';

type PaymentRow = Selectable<PaymentTable>;
type Allocation = { instalmentId: string; amount: bigint };

async function toApi(db: Db, rows: PaymentRow[]) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const ids = rows.map((r) => r.id);
  const contracts = await db
    .selectFrom('contracts')
    .select(['id', 'number', 'title'])
    .where('id', 'in', [...new Set(rows.map((r) => r.contract_id))])
    .execute();
  const byContract = new Map(contracts.map((c) => [c.id, c]));
  const allocations = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('payment_instalments as i', 'i.id', 'a.instalment_id')
    .select(['a.payment_id', 'a.instalment_id', 'a.amount', 'i.position'])
    .where('a.payment_id', 'in', ids)
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
    contractId: r.contract_id,
    contractNumber: byContract.get(r.contract_id)?.number ?? '',
    contractTitle: byContract.get(r.contract_id)?.title ?? '',
    receivedOn: r.received_on,
    amount: r.amount,
    method: r.method as 'bank_transfer',
    bankReference: r.bank_reference,
    note: r.note,
    status: r.status as 'expected' | 'confirmed',
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
    allocations: allocations
      .filter((a) => a.payment_id === r.id)
      .map((a) => ({ instalmentId: a.instalment_id, position: a.position, amount: a.amount })),
  }));
}

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
 * M1: a payment against an effective contract, allocated to its instalments. Refused beyond what is
 * still open on the contract (expected payments reserve their share too, so two cannot promise the
 * same money). Finance's payments are confirmed at once; anyone else's is expected (预计回款).
 */
export async function createPayment(trx: Db, actor: Actor, b: z.infer<typeof createPaymentBody>) {
  const c = await receivableContract(trx, actor, b.contractId, { lock: true, effective: true });
  const states = await instalmentStates(trx, c.id);
  if (states.length === 0) throw new AppError('PAYMENT_NO_PLAN');
  const amount = fen(b.amount);
  const open = fen(c.amount) - states.reduce((s, i) => s + fen(i.allocated), 0n);
  if (amount > open) throw new AppError('PAYMENT_OVER_UNPAID', { params: { amount: b.amount, unpaid: formatFen(open) } });
  const allocations = b.allocations ? checkAllocations(states, amount, b.allocations) : allocateOldestFirst(states, amount);

  const confirmed = can(actor, 'receivables', 'approve');
  const row = await insertRecord(
    trx,
    actor,
    paymentEntity,
    {
      contract_id: c.id,
      title: `${c.number} ${b.amount}`,
      received_on: b.receivedOn,
      amount: b.amount,
      method: b.method,
      bank_reference: b.bankReference ?? null,
      note: b.note ?? null,
      status: confirmed ? 'confirmed' : 'expected',
      confirmed_by: confirmed ? actor.userId : null,
      confirmed_at: confirmed ? new Date().toISOString() : null,
    },
    c.owner_id,
  );
  await trx
    .insertInto('payment_allocations')
    .values(allocations.map((a) => ({ payment_id: row.id as string, instalment_id: a.instalmentId, amount: formatFen(a.amount) })))
    .execute();
  return row.id as string;
}

/** Only finance (receivables:approve) confirms that the money arrived; then it counts as paid. */
export async function confirmPayment(trx: Db, actor: Actor, id: string) {
  const row = (await findVisible(trx, actor, paymentEntity, id, { forUpdate: true })) as unknown as PaymentRow;
  if (row.status === 'confirmed') throw new AppError('PAYMENT_CONFIRMED');
  await updateRecord(
    trx,
    actor,
    paymentEntity,
    id,
    row.version,
    { status: 'confirmed', confirmed_by: actor.userId, confirmed_at: new Date().toISOString() },
    async (r) => (await toApi(trx, [r as unknown as PaymentRow]))[0],
  );
  return getPayment(trx, actor, id);
}

export async function getPayment(db: Db, actor: Actor, id: string) {
  const row = (await findVisible(db, actor, paymentEntity, id)) as unknown as PaymentRow;
  return (await toApi(db, [row]))[0];
}

const SORTABLE: Record<string, string> = { receivedOn: 'received_on', amount: 'amount', createdAt: 'created_at' };

export async function listPayments(db: Db, actor: Actor, q: z.infer<typeof paymentListQuery>) {
  let f = db.selectFrom('payments').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.contractId) f = f.where('contract_id', '=', q.contractId);
  if (q.status) f = f.where('status', '=', q.status);
  const page = await runList<PaymentRow>(f, q, SORTABLE, '-receivedOn', (x) => x.selectAll());
  return { ...page, items: await toApi(db, page.items) };
}
