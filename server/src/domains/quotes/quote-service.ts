import type { createQuoteBody, Quote, quoteListQuery, updateQuoteBody } from '@contracts/quotes.js';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { nextNumber } from '../../platform/numbering/numbering.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, touchRecord, updateRecord } from '../../platform/records/record-store.js';
import { opportunityEntity } from '../opportunities/public.js';
import { discountLimitOf } from './discount-limits.js';
import { assertEditable } from './quote-rules.js';
import { canSeeCosts, quoteEntity } from './quote-entity.js';
import { asLineInput, buildLines, overLimit, quoteTotals, type StoredLine } from './quote-lines.js';
import { lineFigures, margin } from '@contracts/quote-money.js';
import type { QuoteLineTable, QuoteTable } from './quote-table.js';

export type QuoteRow = Selectable<QuoteTable>;
type LineRow = Selectable<QuoteLineTable>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface Env {
  clock: Clock;
  timeZone: string;
}

async function linesOf(db: Db, quoteIds: string[]): Promise<Map<string, LineRow[]>> {
  const rows = quoteIds.length
    ? await db.selectFrom('quote_lines').selectAll().where('quote_id', 'in', quoteIds).orderBy('position').execute()
    : [];
  const map = new Map<string, LineRow[]>();
  for (const r of rows) map.set(r.quote_id, [...(map.get(r.quote_id) ?? []), r]);
  return map;
}

/** The quote as the caller may see it: costs and margins only with product_costs:view (keys absent otherwise). */
async function toApi(db: Db, actor: Actor, rows: QuoteRow[], withLines: boolean): Promise<(Quote | Omit<Quote, 'lines' | 'can'>)[]> {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
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
  const successors = new Map(
    (
      await db
        .selectFrom('quotes')
        .select(['id', 'supersedes_id'])
        .where(
          'supersedes_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    ).map((s) => [s.supersedes_id, s.id]),
  );
  // A quote is measured against its owner's limit — what his manager approves is what the rep went
  // beyond — and against the caller's own when it is his.
  const limits = new Map<string, string>();
  for (const owner of new Set(rows.map((r) => r.owner_id)))
    limits.set(owner, owner === actor.userId ? await discountLimitOf(db, actor.userId, actor) : await discountLimitOf(db, owner));
  const costs = canSeeCosts(actor);
  const lines = withLines
    ? await linesOf(
        db,
        rows.map((r) => r.id),
      )
    : new Map<string, LineRow[]>();
  return rows.map((r) => {
    const stored = (lines.get(r.id) ?? []) as unknown as StoredLine[];
    const limit = limits.get(r.owner_id) as string;
    const over = withLines ? overLimit(stored, r.whole_discount, limit) : { any: Number(r.max_discount) > Number(limit), lines: [] };
    const m = costs ? margin(r.total, r.cost_total) : null;
    const quote = {
      ...base(r as unknown as RecordBaseRow),
      number: r.number,
      revision: r.revision,
      supersedesId: r.supersedes_id,
      supersededById: successors.get(r.id) ?? null,
      opportunityId: r.opportunity_id,
      opportunityName: opportunities.get(r.opportunity_id) ?? '',
      customerId: r.customer_id,
      customerName: customers.get(r.customer_id) ?? '',
      title: r.title,
      status: r.status,
      validUntil: r.valid_until,
      wholeDiscount: r.whole_discount,
      listTotal: r.list_total,
      subtotal: r.subtotal,
      total: r.total,
      taxTotal: r.tax_total,
      overallDiscount: r.overall_discount,
      maxDiscount: r.max_discount,
      discountLimit: limit,
      overLimit: over.any,
      ...(costs ? { costTotal: r.cost_total, margin: m?.margin ?? null, marginRate: m?.marginRate ?? null } : {}),
      approvedAt: iso(r.approved_at),
      sentAt: iso(r.sent_at),
      acceptedAt: iso(r.accepted_at),
      customerRejectedAt: iso(r.customer_rejected_at),
      customerRejectReason: r.customer_reject_reason,
      notes: r.notes,
      terms: r.terms,
    };
    if (!withLines) return quote;
    const mine = r.owner_id === actor.userId || can(actor, 'quotes', 'edit');
    const editable = mine && can(actor, 'quotes', 'edit');
    return {
      ...quote,
      lines: (lines.get(r.id) ?? []).map((l, i) => ({
        id: l.id,
        position: l.position,
        productId: l.product_id,
        bundleId: l.bundle_id,
        bundleName: l.bundle_name,
        code: l.code,
        name: l.name,
        specification: l.specification,
        unit: l.unit,
        quantity: l.quantity,
        listPrice: l.list_price,
        unitPrice: l.unit_price,
        discount: l.discount,
        amount: l.amount,
        taxRate: l.tax_rate,
        taxAmount: l.tax_amount,
        effectiveDiscount: l.effective_discount,
        overLimit: over.lines[i] ?? false,
        ...(costs ? { costPrice: l.cost_price, margin: l.cost_price === null ? null : (margin(l.amount, costOf(l))?.margin ?? null) } : {}),
      })),
      can: {
        edit: editable && r.status === 'draft',
        submit: editable && r.status === 'draft',
        send: editable && (r.status === 'approved' || (r.status === 'draft' && !over.any)),
        accept: editable && (r.status === 'sent' || r.status === 'approved'),
        reject: editable && r.status === 'sent',
        revise: editable && ['approved', 'sent', 'rejected', 'expired'].includes(r.status) && !successors.has(r.id),
        delete: can(actor, 'quotes', 'delete') && r.status === 'draft',
      },
    };
  });
}

const costOf = (l: LineRow) => lineFigures(asLineInput(l)).costAmount as string;

export async function getQuote(db: Db, actor: Actor, id: string): Promise<Quote> {
  const row = (await findVisible(db, actor, quoteEntity, id)) as unknown as QuoteRow;
  return (await toApi(db, actor, [row], true))[0] as Quote;
}

const SORTABLE: Record<string, string> = {
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  total: 'total',
  number: 'number',
  validUntil: 'valid_until',
};

export async function listQuotes(db: Db, actor: Actor, q: z.infer<typeof quoteListQuery>) {
  let f = db.selectFrom('quotes').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.status) f = f.where('status', '=', q.status);
  else if (q.allRevisions !== 'true') f = f.where('status', '!=', 'superseded');
  if (q.opportunityId) f = f.where('opportunity_id', '=', q.opportunityId);
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.q) {
    const p = likePattern(q.q);
    f = f.where((eb) => eb.or([eb('title', 'ilike', p), eb('number', 'ilike', p)]));
  }
  const page = await runList<QuoteRow>(f, q, SORTABLE, '-updatedAt', (x) => x.selectAll());
  return { ...page, items: await toApi(db, actor, page.items, false) };
}

type CreateBody = z.infer<typeof createQuoteBody>;
type UpdateBody = z.infer<typeof updateQuoteBody>;

export async function createQuote(trx: Db, actor: Actor, env: Env, b: CreateBody): Promise<string> {
  const opp = await findVisible(trx, actor, opportunityEntity, b.opportunityId);
  const lines = await buildLines(trx, b.lines, b.wholeDiscount);
  const row = await insertRecord(
    trx,
    actor,
    quoteEntity,
    {
      number: await nextNumber(trx, 'quote', env.clock.now(), env.timeZone),
      opportunity_id: opp.id,
      customer_id: opp.customer_id,
      title: b.title ?? `${opp.name as string} 报价`,
      valid_until: b.validUntil ?? null,
      whole_discount: b.wholeDiscount,
      notes: b.notes ?? null,
      terms: b.terms ?? null,
      ...quoteTotals(lines, b.wholeDiscount),
    },
    opp.owner_id as string,
  );
  await writeLines(trx, String(row.id), lines);
  return String(row.id);
}

export async function writeLines(trx: Db, quoteId: string, lines: StoredLine[]) {
  await trx.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  if (lines.length)
    await trx
      .insertInto('quote_lines')
      .values(lines.map((l) => ({ ...l, quote_id: quoteId })))
      .execute();
}

/** Only a draft changes; its lines are rebuilt from the catalogue's current figures. */
export async function updateQuote(trx: Db, actor: Actor, id: string, b: UpdateBody): Promise<Quote> {
  const before = (await findVisible(trx, actor, quoteEntity, id, { forUpdate: true })) as unknown as QuoteRow;
  assertEditable(before);
  const wholeDiscount = b.wholeDiscount ?? before.whole_discount;
  const lines = b.lines
    ? await buildLines(trx, b.lines, wholeDiscount)
    : ((await linesOf(trx, [id])).get(id) ?? []).map(({ id: _i, quote_id: _q, ...l }) => l);
  const patch = Object.fromEntries(
    Object.entries({
      title: b.title ?? undefined,
      valid_until: b.validUntil,
      whole_discount: b.wholeDiscount,
      notes: b.notes,
      terms: b.terms,
      ...(b.lines || b.wholeDiscount ? quoteTotals(lines, wholeDiscount) : {}),
    }).filter(([, v]) => v !== undefined),
  );
  const after = await updateRecord(trx, actor, quoteEntity, id, b.version, patch, () => getQuote(trx, actor, id));
  if (b.lines || b.wholeDiscount) {
    // The whole-quote discount changes each line's share of the tax, so the lines are rewritten too.
    await writeLines(
      trx,
      id,
      lines.map((l) => ({ ...l, tax_amount: lineFigures(asLineInput(l), wholeDiscount).taxAmount })),
    );
    if (after.version === before.version) await touchRecord(trx, actor, quoteEntity, id);
  }
  return getQuote(trx, actor, id);
}

export async function deleteQuote(trx: Db, actor: Actor, id: string) {
  const before = (await findVisible(trx, actor, quoteEntity, id, { forUpdate: true })) as unknown as QuoteRow;
  assertEditable(before);
  await softDeleteRecord(trx, actor, quoteEntity, id);
}
