import type { createExpenseBody, Expense, ExpenseRow, expenseListQuery, updateExpenseBody } from '@contracts/expenses.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { nextNumber } from '../../platform/numbering/numbering.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { assertPicklistCodes } from '../picklists/public.js';
import { expenseEntity } from './expense-entity.js';
import { assertEditable } from './expense-rules.js';
import type { ExpenseTable } from './expense-table.js';

export type ExpenseDbRow = Selectable<ExpenseTable>;

export interface Env {
  clock: Clock;
  timeZone: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function namesOf(db: Db, rows: ExpenseDbRow[]) {
  const [customers, deals, contracts] = await Promise.all([
    titlesById(
      db,
      'customers',
      rows.map((r) => r.customer_id),
    ),
    titlesById(
      db,
      'opportunities',
      rows.map((r) => r.opportunity_id),
    ),
    titlesById(
      db,
      'contracts',
      rows.map((r) => r.contract_id),
      'number',
    ),
  ]);
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  return (r: ExpenseDbRow): ExpenseRow => ({
    ...base(r as unknown as RecordBaseRow),
    number: r.number,
    customerId: r.customer_id,
    customerName: customers.get(r.customer_id) ?? '',
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_id ? (deals.get(r.opportunity_id) ?? '') : null,
    contractId: r.contract_id,
    contractNumber: r.contract_id ? (contracts.get(r.contract_id) ?? '') : null,
    category: r.category,
    amount: r.amount,
    spentOn: r.spent_on,
    description: r.description,
    status: r.status,
    submittedAt: iso(r.submitted_at),
    approvedAt: iso(r.approved_at),
    rejectedAt: iso(r.rejected_at),
    rejectReason: r.reject_reason,
  });
}

/** A claim the caller may see; `readOnly` for an approver who opens it outside his scope. */
export async function getExpense(db: Db, actor: Actor, id: string, opts: { readOnly?: boolean } = {}): Promise<Expense> {
  const r = (await findVisible(db, actor, expenseEntity, id)) as unknown as ExpenseDbRow;
  const row = (await namesOf(db, [r]))(r);
  const open = !opts.readOnly && (r.status === 'draft' || r.status === 'rejected');
  return {
    ...row,
    can: {
      edit: open && can(actor, 'expenses', 'edit'),
      submit: open && can(actor, 'expenses', 'edit'),
      delete: open && can(actor, 'expenses', 'delete'),
    },
  };
}

const SORTABLE: Record<string, string> = {
  spentOn: 'spent_on',
  amount: 'amount',
  number: 'number',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** P2: the caller's scope (a rep his own claims, a manager his department's, finance all), then the filters. */
export async function listExpenses(db: Db, actor: Actor, q: z.infer<typeof expenseListQuery>) {
  let f = db
    .selectFrom('expenses')
    .where('deleted_at', 'is', null)
    .where(scopeFilter(actor, undefined, { ownerId: q.ownerId }));
  if (q.mine === 'true') f = f.where('owner_id', '=', actor.userId);
  if (q.status) f = f.where('status', '=', q.status);
  if (q.category) f = f.where('category', '=', q.category);
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.opportunityId) f = f.where('opportunity_id', '=', q.opportunityId);
  if (q.contractId) f = f.where('contract_id', '=', q.contractId);
  if (q.spentFrom) f = f.where('spent_on', '>=', q.spentFrom);
  if (q.spentTo) f = f.where('spent_on', '<=', q.spentTo);
  if (q.q) {
    const p = likePattern(q.q);
    f = f.where((eb) => eb.or([eb('number', 'ilike', p), eb('description', 'ilike', p)]));
  }
  const page = await runList<ExpenseDbRow>(f, q, SORTABLE, '-spentOn', (x) => x.selectAll());
  const toApi = await namesOf(db, page.items);
  return { ...page, items: page.items.map(toApi) };
}

/**
 * The customer must be one the caller sees; a deal or contract, if named, must be the customer's own
 * (422 otherwise) and visible to him (400 'reference' when it is not, as for any reference).
 */
async function assertLinks(trx: Db, actor: Actor, customerId: string, opportunityId: string | null, contractId: string | null) {
  try {
    await findVisible(trx, actor, customerEntity, customerId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw fieldError('customerId', 'reference');
    throw e;
  }
  const linked = async (table: 'opportunities' | 'contracts', id: string | null, field: string) => {
    if (!id) return;
    const row = await trx
      .selectFrom(table)
      .select('customer_id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where(scopeFilter(actor))
      .executeTakeFirst();
    if (!row) throw fieldError(field, 'reference');
    if (row.customer_id !== customerId) throw new AppError('EXPENSE_OTHER_CUSTOMER', { fields: { [field]: { key: 'other_customer' } } });
  };
  await linked('opportunities', opportunityId, 'opportunityId');
  await linked('contracts', contractId, 'contractId');
}

export async function createExpense(trx: Db, actor: Actor, env: Env, b: z.infer<typeof createExpenseBody>): Promise<string> {
  await assertPicklistCodes(trx, 'expense_category', [b.category], 'category');
  await assertLinks(trx, actor, b.customerId, b.opportunityId ?? null, b.contractId ?? null);
  const row = await insertRecord(trx, actor, expenseEntity, {
    number: await nextNumber(trx, 'expense', env.clock.now(), env.timeZone),
    customer_id: b.customerId,
    opportunity_id: b.opportunityId ?? null,
    contract_id: b.contractId ?? null,
    category: b.category,
    amount: b.amount,
    spent_on: b.spentOn,
    description: b.description,
  });
  return String(row.id);
}

/** A draft or a rejected claim changes (then is resubmitted); one in approval or approved does not. */
export async function updateExpense(trx: Db, actor: Actor, id: string, b: z.infer<typeof updateExpenseBody>): Promise<Expense> {
  const before = (await findVisible(trx, actor, expenseEntity, id, { forUpdate: true })) as unknown as ExpenseDbRow;
  assertEditable(before);
  if (before.version !== b.version) throw new AppError('VERSION_CONFLICT', { current: await getExpense(trx, actor, id) });
  if (b.category !== undefined) await assertPicklistCodes(trx, 'expense_category', [b.category], 'category');
  const customerId = b.customerId ?? before.customer_id;
  // A new customer drops links that were the old customer's unless new ones are given.
  const customerChanged = customerId !== before.customer_id;
  const opportunityId = b.opportunityId !== undefined ? b.opportunityId : customerChanged ? null : before.opportunity_id;
  const contractId = b.contractId !== undefined ? b.contractId : customerChanged ? null : before.contract_id;
  await assertLinks(trx, actor, customerId, opportunityId, contractId);
  const patch = Object.fromEntries(
    Object.entries({
      customer_id: customerId,
      opportunity_id: opportunityId,
      contract_id: contractId,
      category: b.category,
      amount: b.amount,
      spent_on: b.spentOn,
      description: b.description,
    }).filter(([, v]) => v !== undefined),
  );
  await updateRecord(trx, actor, expenseEntity, id, b.version, patch, () => getExpense(trx, actor, id));
  return getExpense(trx, actor, id);
}

export async function deleteExpense(trx: Db, actor: Actor, id: string) {
  const before = (await findVisible(trx, actor, expenseEntity, id, { forUpdate: true })) as unknown as ExpenseDbRow;
  assertEditable(before);
  await softDeleteRecord(trx, actor, expenseEntity, id);
}

/**
 * Seed 000 "how much have we spent on this customer?": approved (counted) and pending (in approval)
 * totals of the claims the caller may see, exact.
 */
export async function customerExpenseTotals(db: Db, actor: Actor, customerId: string) {
  await findVisible(db, actor, customerEntity, customerId);
  const { rows } = await sql<{ approved: string; approved_n: number; pending: string; pending_n: number }>`
    SELECT coalesce(sum(amount) FILTER (WHERE status = 'approved'), 0)::numeric(16,2)::text AS approved,
           count(*) FILTER (WHERE status = 'approved')::int AS approved_n,
           coalesce(sum(amount) FILTER (WHERE status = 'in_approval'), 0)::numeric(16,2)::text AS pending,
           count(*) FILTER (WHERE status = 'in_approval')::int AS pending_n
      FROM expenses e
     WHERE e.customer_id = ${customerId} AND e.deleted_at IS NULL AND ${scopeFilter(actor, 'e')}`.execute(db);
  const r = rows[0];
  return { customerId, approved: r.approved, approvedCount: r.approved_n, pending: r.pending, pendingCount: r.pending_n };
}
