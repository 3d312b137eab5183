import type { Contract, contractListQuery, createContractBody, updateContractBody } from '@contracts/contracts.js';
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
import { findVisible, insertRecord, softDeleteRecord, touchRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { opportunityEntity } from '../opportunities/public.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { buildLines, quoteEntity, quoteTotals, type StoredLine } from '../quotes/public.js';
import { canSeeCosts, contractEntity } from './contract-entity.js';
import { contractLines, contractProgress } from './contract-lines.js';
import { assertDraft } from './contract-rules.js';
import type { ContractTable } from './contract-table.js';

export type ContractRow = Selectable<ContractTable>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface Env {
  clock: Clock;
  timeZone: string;
}

function header(
  r: ContractRow,
  base: ReturnType<Awaited<ReturnType<typeof ownerNames>>>,
  names: { customer: string; opportunity: string | null; quote: string | null },
  actor: Actor,
  progress: string,
) {
  const costs = canSeeCosts(actor);
  return {
    ...base,
    number: r.number,
    customerId: r.customer_id,
    customerName: names.customer,
    opportunityId: r.opportunity_id,
    opportunityName: names.opportunity,
    quoteId: r.quote_id,
    quoteNumber: names.quote,
    title: r.title,
    status: r.status,
    signDate: r.sign_date,
    startDate: r.start_date,
    endDate: r.end_date,
    paymentTerms: r.payment_terms,
    notes: r.notes,
    wholeDiscount: r.whole_discount,
    amount: r.amount,
    taxTotal: r.tax_total,
    ...(costs ? { costTotal: r.cost_total, margin: r.cost_total === null ? null : subtract(r.amount, r.cost_total) } : {}),
    effectiveAt: iso(r.effective_at),
    endRequest: r.end_request,
    endReason: r.end_reason,
    endedAt: iso(r.ended_at),
    progress,
  };
}

const subtract = (a: string, b: string) => formatFen(fen(a) - fen(b));

async function names(db: Db, rows: ContractRow[]) {
  const customers = await titlesById(
    db,
    'customers',
    rows.map((r) => r.customer_id),
  );
  const opportunities = await titlesById(
    db,
    'opportunities',
    rows.map((r) => r.opportunity_id),
  );
  const quotes = await titlesById(
    db,
    'quotes',
    rows.map((r) => r.quote_id),
    'number',
  );
  return (r: ContractRow) => ({
    customer: customers.get(r.customer_id) ?? '',
    opportunity: r.opportunity_id ? (opportunities.get(r.opportunity_id) ?? '') : null,
    quote: r.quote_id ? (quotes.get(r.quote_id) ?? null) : null,
  });
}

export async function getContract(db: Db, actor: Actor, id: string, opts: { readOnly?: boolean } = {}): Promise<Contract> {
  const r = (await findVisible(db, actor, contractEntity, id)) as unknown as ContractRow;
  const base = await ownerNames(db, [r as unknown as RecordBaseRow]);
  const name = await names(db, [r]);
  const { lines, amendments } = await contractLines(db, actor, r.id);
  const progress = (await contractProgress(db, [r.id])).get(r.id) ?? '0.0';
  const mayEdit = !opts.readOnly && can(actor, 'contracts', 'edit');
  return {
    ...header(r, base(r as unknown as RecordBaseRow), name(r), actor, progress),
    lines,
    amendments,
    can: {
      edit: mayEdit && r.status === 'draft',
      submit: mayEdit && r.status === 'draft',
      delete: !opts.readOnly && can(actor, 'contracts', 'delete') && r.status === 'draft',
      amend: mayEdit && r.status === 'effective' && !amendments.some((a) => a.status !== 'effective'),
      end: mayEdit && r.status === 'effective' && r.end_request === null,
      recordProgress: mayEdit && r.status === 'effective',
    },
  };
}

const SORTABLE: Record<string, string> = {
  signDate: 'sign_date',
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  amount: 'amount',
  number: 'number',
};

/** The list parameters contract_counts can total (paging and sorting change no total). */
const COUNTED_PARAMS = new Set(['page', 'pageSize', 'sort', 'status', 'ownerId']);

export async function listContracts(db: Db, actor: Actor, q: z.infer<typeof contractListQuery>) {
  let f = db.selectFrom('contracts').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.status) f = f.where('status', '=', q.status);
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.opportunityId) f = f.where('opportunity_id', '=', q.opportunityId);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.signedFrom) f = f.where('sign_date', '>=', q.signedFrom);
  if (q.signedTo) f = f.where('sign_date', '<=', q.signedTo);
  if (q.q) {
    const p = likePattern(q.q);
    f = f.where((eb) => eb.or([eb('title', 'ilike', p), eb('number', 'ilike', p)]));
  }
  // Filtered by nothing but status and owner, the exact total is a sum over contract_counts (a row per
  // owner, department and status, kept by triggers) under the same scope rule: counting the rows of a
  // region's 40,000 contracts on every page read every heap page of them.
  const countsOnly = Object.entries(q).every(([key, v]) => COUNTED_PARAMS.has(key) || v === undefined || v === '');
  const total = countsOnly
    ? async () => {
        let c = db.selectFrom('contract_counts').select(sql<number>`coalesce(sum(live), 0)::int`.as('n')).where(scopeFilter(actor));
        if (q.status) c = c.where('status', '=', q.status);
        if (q.ownerId) c = c.where('owner_id', '=', q.ownerId);
        return (await c.executeTakeFirstOrThrow()).n;
      }
    : undefined;
  const page = await runList<ContractRow>(f, q, SORTABLE, '-updatedAt', (x) => x.selectAll(), 'id', total);
  const base = await ownerNames(db, page.items as unknown as RecordBaseRow[]);
  const name = await names(db, page.items);
  const progress = await contractProgress(
    db,
    page.items.map((r) => r.id),
  );
  return {
    ...page,
    items: page.items.map((r) => header(r, base(r as unknown as RecordBaseRow), name(r), actor, progress.get(r.id) ?? '0.0')),
  };
}

type CreateBody = z.infer<typeof createContractBody>;

async function writeLines(trx: Db, contractId: string, lines: StoredLine[]) {
  await trx.deleteFrom('contract_lines').where('contract_id', '=', contractId).where('amendment_id', 'is', null).execute();
  if (lines.length)
    await trx
      .insertInto('contract_lines')
      .values(lines.map((l) => ({ ...l, contract_id: contractId, amendment_id: null })))
      .execute();
}

const totals = (lines: StoredLine[], wholeDiscount: string) => {
  const t = quoteTotals(lines, wholeDiscount);
  return { amount: t.total, tax_total: t.tax_total, cost_total: t.cost_total };
};

/**
 * Seed 002: 报价单同步到合同 — from an accepted quote the customer, deal and lines are copied and the
 * amount is their sum; by hand a contract names its customer and takes lines from the catalogue.
 */
export async function createContract(trx: Db, actor: Actor, env: Env, b: CreateBody): Promise<string> {
  let customerId: string;
  let opportunityId: string | null = null;
  let lines: StoredLine[];
  let wholeDiscount = b.wholeDiscount ?? '0.00';
  let title = b.title ?? null;
  if (b.quoteId) {
    const quote = await findVisible(trx, actor, quoteEntity, b.quoteId);
    if (quote.status !== 'accepted') throw fieldError('quoteId', 'quote_not_accepted');
    customerId = quote.customer_id as string;
    opportunityId = quote.opportunity_id as string;
    wholeDiscount = quote.whole_discount as string;
    const deal = await trx
      .selectFrom('opportunities')
      .select('name')
      .where('id', '=', quote.opportunity_id as string)
      .executeTakeFirst();
    title ??= `${deal?.name ?? (quote.title as string)} 合同`;
    lines = (await trx.selectFrom('quote_lines').selectAll().where('quote_id', '=', b.quoteId).orderBy('position').execute()).map(
      ({ id: _i, quote_id: _q, ...l }) => l,
    );
  } else {
    if (!b.customerId) throw fieldError('customerId', 'required');
    if (!b.lines) throw fieldError('lines', 'required');
    const customer = await findVisible(trx, actor, customerEntity, b.customerId);
    customerId = String(customer.id);
    if (b.opportunityId) {
      const opp = await findVisible(trx, actor, opportunityEntity, b.opportunityId);
      if (opp.customer_id !== customerId) throw fieldError('opportunityId', 'reference');
      opportunityId = String(opp.id);
    }
    title ??= `${customer.name as string} 合同`;
    lines = await buildLines(trx, b.lines, wholeDiscount);
  }
  const customerOwner = await trx.selectFrom('customers').select('owner_id').where('id', '=', customerId).executeTakeFirstOrThrow();
  const row = await insertRecord(
    trx,
    actor,
    contractEntity,
    {
      number: await nextNumber(trx, 'contract', env.clock.now(), env.timeZone),
      customer_id: customerId,
      opportunity_id: opportunityId,
      quote_id: b.quoteId ?? null,
      title,
      sign_date: b.signDate ?? null,
      start_date: b.startDate ?? null,
      end_date: b.endDate ?? null,
      payment_terms: b.paymentTerms ?? null,
      notes: b.notes ?? null,
      whole_discount: wholeDiscount,
      ...totals(lines, wholeDiscount),
    },
    customerOwner.owner_id ?? actor.userId,
  );
  await writeLines(trx, String(row.id), lines);
  return String(row.id);
}

export async function updateContract(trx: Db, actor: Actor, id: string, b: z.infer<typeof updateContractBody>): Promise<Contract> {
  const before = (await findVisible(trx, actor, contractEntity, id, { forUpdate: true })) as unknown as ContractRow;
  assertDraft(before);
  if (before.version !== b.version) throw new AppError('VERSION_CONFLICT', { current: await getContract(trx, actor, id) });
  const wholeDiscount = b.wholeDiscount ?? before.whole_discount;
  const lines = b.lines ? await buildLines(trx, b.lines, wholeDiscount) : null;
  const current =
    lines ??
    (
      await trx
        .selectFrom('contract_lines')
        .selectAll()
        .where('contract_id', '=', id)
        .where('amendment_id', 'is', null)
        .orderBy('position')
        .execute()
    ).map(({ id: _i, contract_id: _c, amendment_id: _a, ...l }) => l);
  const patch = Object.fromEntries(
    Object.entries({
      title: b.title ?? undefined,
      sign_date: b.signDate,
      start_date: b.startDate,
      end_date: b.endDate,
      payment_terms: b.paymentTerms,
      notes: b.notes,
      whole_discount: b.wholeDiscount,
      ...(lines || b.wholeDiscount ? totals(current, wholeDiscount) : {}),
    }).filter(([, v]) => v !== undefined),
  );
  const after = await updateRecord(trx, actor, contractEntity, id, b.version, patch, () => getContract(trx, actor, id));
  if (lines) {
    await writeLines(trx, id, lines);
    if (after.version === before.version) await touchRecord(trx, actor, contractEntity, id);
  }
  return getContract(trx, actor, id);
}

export async function deleteContract(trx: Db, actor: Actor, id: string) {
  const before = (await findVisible(trx, actor, contractEntity, id, { forUpdate: true })) as unknown as ContractRow;
  assertDraft(before);
  await softDeleteRecord(trx, actor, contractEntity, id);
}
