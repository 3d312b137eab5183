import type { Locale } from '@contracts/common.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import type { createPaymentBody, PaymentStatus, paymentListQuery, updatePaymentBody } from '@contracts/receivables.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { submitForApproval } from '../../platform/approvals/public.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { type Allocation, allocate, allocationsForHistory, writeAllocations } from './payment-allocation.js';
import { paymentEntity } from './payment-entity.js';
import { instalmentStates, receivableContract } from './receivable-contract.js';
import type { PaymentTable } from './receivable-table.js';

export type PaymentRow = Selectable<PaymentTable>;
export interface Env {
  clock: Clock;
  timeZone: string;
}

/** The approval engine's name for a payment. */
export const PAYMENT_APPROVAL = 'payment';

const DOCUMENT: Record<Locale, string> = { 'zh-CN': '回款', 'zh-TW': '回款', en: 'The payment' };
const STATUS_WORDS: Record<PaymentStatus, Record<Locale, string>> = {
  expected: { 'zh-CN': '还未确认', 'zh-TW': '還未確認', en: 'not confirmed yet' },
  in_approval: { 'zh-CN': '正在审批中', 'zh-TW': '正在審批中', en: 'awaiting approval' },
  confirmed: { 'zh-CN': '已确认', 'zh-TW': '已確認', en: 'confirmed' },
  rejected: { 'zh-CN': '已被退回', 'zh-TW': '已被退回', en: 'rejected' },
};
const statusError = (status: string) => new AppError('PAYMENT_STATUS', { params: { status: STATUS_WORDS[status as PaymentStatus] } });

export async function paymentsToApi(db: Db, rows: PaymentRow[]) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const ids = rows.map((r) => r.id);
  const contracts = await db
    .selectFrom('contracts as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.number', 'c.title', 'c.customer_id', 'cu.name as customer_name'])
    .where('c.id', 'in', [...new Set(rows.map((r) => r.contract_id))])
    .execute();
  const byContract = new Map(contracts.map((c) => [c.id, c]));
  const allocations = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('payment_instalments as i', 'i.id', 'a.instalment_id')
    .select(['a.payment_id', 'a.instalment_id', 'a.amount', 'i.position'])
    .where('a.payment_id', 'in', ids)
    .orderBy('i.position')
    .execute();
  const requests = await db
    .selectFrom('approval_requests')
    .select(['id', 'document_id'])
    .where('document_type', '=', PAYMENT_APPROVAL)
    .where('document_id', 'in', ids)
    .orderBy('round', 'asc')
    .execute();
  const latestRequest = new Map(requests.map((r) => [r.document_id, r.id]));
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((r) => {
    const c = byContract.get(r.contract_id);
    return {
      ...base(r as unknown as RecordBaseRow),
      contractId: r.contract_id,
      contractNumber: c?.number ?? '',
      contractTitle: c?.title ?? '',
      customerId: c?.customer_id ?? r.contract_id,
      customerName: c?.customer_name ?? '',
      receivedOn: r.received_on,
      amount: r.amount,
      method: r.method as 'bank_transfer',
      bankReference: r.bank_reference,
      note: r.note,
      status: r.status as PaymentStatus,
      confirmedBy: r.confirmed_by,
      confirmedAt: iso(r.confirmed_at),
      rejectedBy: r.rejected_by,
      rejectedAt: iso(r.rejected_at),
      rejectReason: r.reject_reason,
      approvalRequestId: latestRequest.get(r.id) ?? null,
      allocations: allocations
        .filter((a) => a.payment_id === r.id)
        .map((a) => ({ instalmentId: a.instalment_id, position: a.position, amount: a.amount })),
    };
  });
}

/**
 * A change of a payment's status from a decision (finance's, or the approval engine's as the
 * approver, who may not have the payment in his scope): written directly, with history.
 */
type PaymentPatch = Partial<Pick<PaymentRow, 'status' | 'confirmed_by' | 'confirmed_at' | 'rejected_by' | 'rejected_at' | 'reject_reason'>>;

async function setPayment(trx: Db, actor: Actor, row: PaymentRow, patch: PaymentPatch) {
  await trx
    .updateTable('payments')
    .set({ ...patch, version: sql`version + 1`, updated_by: actor.via === 'system' ? null : actor.userId, updated_at: sql`now()` })
    .where('id', '=', row.id)
    .execute();
  const changes = Object.entries(patch)
    .filter(([k]) => ['status', 'reject_reason'].includes(k))
    .map(([field, v]) => ({ field, old: (row as unknown as Record<string, unknown>)[field] ?? null, new: v }));
  if (changes.length) await writeHistory(trx, actor, { entity: paymentEntity.entity, recordId: row.id, action: 'update', changes });
}

/** The payment and its contract, both locked, contract first (the order every path takes). */
async function lockPayment(trx: Db, actor: Actor, id: string, opts: { scoped?: boolean } = { scoped: true }) {
  const seen = opts.scoped
    ? ((await findVisible(trx, actor, paymentEntity, id)) as unknown as PaymentRow)
    : await trx.selectFrom('payments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!seen) throw new AppError('NOT_FOUND');
  const contract = await trx
    .selectFrom('contracts')
    .select(['id', 'number', 'amount', 'status'])
    .where('id', '=', seen.contract_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = await trx
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { row, contract };
}

const isFinance = (actor: Actor) => can(actor, 'receivables', 'approve');
const mine = (actor: Actor, row: PaymentRow) => row.owner_id === actor.userId || row.created_by === actor.userId;

/**
 * Who may correct (edit) or delete a payment: an expected or rejected one its owner or creator (who
 * may register payments) or whoever holds receivables:edit / :delete; a confirmed one only finance;
 * one in approval nobody (withdraw it first).
 */
function assertMayChange(actor: Actor, row: PaymentRow, action: 'edit' | 'delete') {
  if (row.status === 'in_approval') throw new AppError('DOCUMENT_LOCKED', { params: { document: DOCUMENT } });
  if (row.status === 'confirmed') {
    if (!isFinance(actor) || !can(actor, 'receivables', action)) throw new AppError('PAYMENT_FINANCE_ONLY');
    return;
  }
  if (!can(actor, 'receivables', action) && !(can(actor, 'receivables', 'create') && mine(actor, row))) throw new AppError('FORBIDDEN');
}

/**
 * An expected payment goes into the admin's `payment` approval flow when one is configured, and its
 * approval confirms it; without a flow it waits for finance as before. Returns whether it went in.
 */
async function submitIfFlow(trx: Db, actor: Actor, env: Env, id: string): Promise<boolean> {
  let outcome: { status: 'pending' | 'approved' };
  try {
    outcome = await submitForApproval(trx, actor, PAYMENT_APPROVAL, id, { now: env.clock.now(), timeZone: env.timeZone });
  } catch (e) {
    // No flow: nothing was written (the engine looks for the flow before it writes anything).
    if (e instanceof AppError && e.code === 'APPROVAL_NO_FLOW') return false;
    throw e;
  }
  // No step applied (the flow's conditions): approved at once, and confirmed by onApproved already.
  if (outcome.status === 'pending') {
    const row = await trx.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await setPayment(trx, actor, row, { status: 'in_approval' });
  }
  return true;
}

/**
 * M1: a payment against an effective contract, allocated to its instalments. Finance's payments are
 * confirmed at once; anyone else's is expected (预计回款), and goes into the `payment` approval flow
 * when the admin configured one.
 */
export async function createPayment(trx: Db, actor: Actor, env: Env, b: z.infer<typeof createPaymentBody>): Promise<string> {
  const c = await receivableContract(trx, actor, b.contractId, { lock: true, effective: true });
  const allocations = allocate(c.amount, await instalmentStates(trx, c.id), b.amount, b.allocations);
  const confirmed = isFinance(actor);
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
      confirmed_at: confirmed ? env.clock.now() : null,
    },
    c.owner_id,
  );
  const id = row.id as string;
  await writeAllocations(trx, id, allocations);
  if (!confirmed) await submitIfFlow(trx, actor, env, id);
  return id;
}

/**
 * M1: corrects a payment (see assertMayChange for who may); with `resubmit`, a rejected one, which
 * then waits for finance (or the flow) again as expected. A new amount or new allocations are
 * checked as on creation, the payment's own allocations released first; its status stays. The
 * changed fields and allocations are in its history.
 */
export async function updatePayment(trx: Db, actor: Actor, id: string, b: z.infer<typeof updatePaymentBody>, resubmit?: { env: Env }) {
  const { row, contract } = await lockPayment(trx, actor, id);
  if (row.version !== b.version) throw new AppError('VERSION_CONFLICT', { current: (await paymentsToApi(trx, [row]))[0] });
  assertMayChange(actor, row, 'edit');
  if ((row.status === 'rejected') !== Boolean(resubmit)) throw statusError(row.status);
  // A rejected payment released its allocations: it takes its instalments anew, on a contract still in force.
  if (resubmit) await receivableContract(trx, actor, row.contract_id, { effective: true });
  const amount = b.amount ?? row.amount;
  const reallocate = Boolean(resubmit) || b.allocations !== undefined || fen(amount) !== fen(row.amount);
  let allocations: Allocation[] | null = null;
  if (reallocate) {
    const own = new Map(
      (await trx.selectFrom('payment_allocations').select(['instalment_id', 'amount']).where('payment_id', '=', id).execute()).map((a) => [
        a.instalment_id,
        fen(a.amount),
      ]),
    );
    // The instalments as they would be without this payment.
    const states = (await instalmentStates(trx, row.contract_id)).map((i) => ({
      ...i,
      allocated: formatFen(fen(i.allocated) - (own.get(i.id) ?? 0n)),
    }));
    allocations = allocate(contract.amount, states, amount, b.allocations ?? undefined);
  }
  const before = reallocate ? await allocationsForHistory(trx, id) : [];
  await updateRecord(
    trx,
    actor,
    paymentEntity,
    id,
    b.version,
    {
      received_on: b.receivedOn,
      amount: b.amount,
      method: b.method,
      bank_reference: b.bankReference,
      note: b.note,
      title: b.amount ? `${contract.number} ${b.amount}` : undefined,
    },
    async (r) => (await paymentsToApi(trx, [r as unknown as PaymentRow]))[0],
  );
  if (allocations) {
    await trx.deleteFrom('payment_allocations').where('payment_id', '=', id).execute();
    await writeAllocations(trx, id, allocations);
    const after = await allocationsForHistory(trx, id);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await writeHistory(trx, actor, {
        entity: paymentEntity.entity,
        recordId: id,
        action: 'update',
        changes: [{ field: 'allocations', old: before, new: after }],
      });
      // The allocations are part of the payment: a change of them alone is a change of the record.
      await trx
        .updateTable('payments')
        .set({ version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', b.version)
        .execute();
    }
  }
  if (resubmit) {
    // Counting again once its allocations are written (0048's trigger checks every fen is allocated).
    const corrected = await trx.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await setPayment(trx, actor, corrected, { status: 'expected', rejected_by: null, rejected_at: null, reject_reason: null });
    await submitIfFlow(trx, actor, resubmit.env, id);
  }
  return id;
}

/** M1: a payment into the recycle bin (it stops counting; restoring brings it and its allocations back). */
export async function deletePayment(trx: Db, actor: Actor, id: string) {
  const { row } = await lockPayment(trx, actor, id);
  assertMayChange(actor, row, 'delete');
  await softDeleteRecord(trx, actor, paymentEntity, id);
}

/** Confirmed: the money arrived; now it counts as paid. By finance directly, or by the flow's approval. */
async function markConfirmed(trx: Db, actor: Actor, row: PaymentRow, now: Date) {
  await setPayment(trx, actor, row, { status: 'confirmed', confirmed_by: actor.userId, confirmed_at: now });
}

/** Rejected: it stops counting and its allocations are released (they stay in its history). */
async function markRejected(trx: Db, actor: Actor, row: PaymentRow, reason: string | null, now: Date) {
  const released = await allocationsForHistory(trx, row.id);
  await trx.deleteFrom('payment_allocations').where('payment_id', '=', row.id).execute();
  await setPayment(trx, actor, row, { status: 'rejected', rejected_by: actor.userId, rejected_at: now, reject_reason: reason });
  if (released.length)
    await writeHistory(trx, actor, {
      entity: paymentEntity.entity,
      recordId: row.id,
      action: 'update',
      changes: [{ field: 'allocations', old: released, new: [] }],
    });
}

/** Only finance (receivables:approve) confirms that the money arrived; one in the approval flow is decided there. */
export async function confirmPayment(trx: Db, actor: Actor, env: Env, id: string) {
  const { row } = await lockPayment(trx, actor, id);
  if (row.status === 'confirmed') throw new AppError('PAYMENT_CONFIRMED');
  if (row.status === 'in_approval') throw new AppError('PAYMENT_IN_FLOW');
  if (row.status !== 'expected') throw statusError(row.status);
  await markConfirmed(trx, actor, row, env.clock.now());
}

/** Finance says the expected money is not coming (or not as registered): a reason is required. */
export async function rejectPayment(trx: Db, actor: Actor, env: Env, id: string, reason: string) {
  const { row } = await lockPayment(trx, actor, id);
  if (row.status === 'in_approval') throw new AppError('PAYMENT_IN_FLOW');
  if (row.status !== 'expected') throw statusError(row.status);
  await markRejected(trx, actor, row, reason, env.clock.now());
}

/** Submits an expected payment (again, e.g. after a withdrawal) into the configured `payment` flow. */
export async function submitPayment(trx: Db, actor: Actor, env: Env, id: string) {
  const { row } = await lockPayment(trx, actor, id);
  assertMayChange(actor, row, 'edit');
  if (row.status !== 'expected') throw statusError(row.status);
  if (!(await submitIfFlow(trx, actor, env, id)))
    throw new AppError('APPROVAL_NO_FLOW', { params: { type: { 'zh-CN': '回款', 'zh-TW': '回款', en: 'Payments' } } });
}

/** The approval engine's decisions on a payment in its flow (the approver acts; his scope does not matter). */
export const paymentDecisions = {
  async approved(trx: Db, actor: Actor, id: string, now: Date) {
    const { row } = await lockPayment(trx, actor, id, { scoped: false });
    if (row.status === 'in_approval' || row.status === 'expected') await markConfirmed(trx, actor, row, now);
  },
  async rejected(trx: Db, actor: Actor, id: string, comment: string | null, now: Date) {
    const { row } = await lockPayment(trx, actor, id, { scoped: false });
    if (row.status === 'in_approval') await markRejected(trx, actor, row, comment, now);
  },
  async withdrawn(trx: Db, actor: Actor, id: string) {
    const { row } = await lockPayment(trx, actor, id, { scoped: false });
    if (row.status === 'in_approval') await setPayment(trx, actor, row, { status: 'expected' });
  },
};

export async function getPayment(db: Db, actor: Actor, id: string) {
  const row = (await findVisible(db, actor, paymentEntity, id)) as unknown as PaymentRow;
  return (await paymentsToApi(db, [row]))[0];
}

const SORTABLE: Record<string, string> = { receivedOn: 'received_on', amount: 'amount', createdAt: 'created_at', status: 'status' };

export async function listPayments(db: Db, actor: Actor, q: z.infer<typeof paymentListQuery>) {
  let f = db.selectFrom('payments').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.contractId) f = f.where('contract_id', '=', q.contractId);
  if (q.customerId) f = f.where('contract_id', 'in', db.selectFrom('contracts').select('id').where('customer_id', '=', q.customerId));
  if (q.status) f = f.where('status', '=', q.status);
  if (q.receivedFrom) f = f.where('received_on', '>=', q.receivedFrom);
  if (q.receivedTo) f = f.where('received_on', '<=', q.receivedTo);
  if (q.q) f = f.where(sql<boolean>`(title ILIKE ${likePattern(q.q)} OR bank_reference = ${q.q})`);
  const page = await runList<PaymentRow>(f, q, SORTABLE, '-receivedOn', (x) => x.selectAll());
  return { ...page, items: await paymentsToApi(db, page.items) };
}
