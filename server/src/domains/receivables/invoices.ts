import type { Locale } from '@contracts/common.js';
import {
  type createInvoiceBody,
  type InvoiceType,
  type invoiceListQuery,
  invoiceTax,
  type updateInvoiceBody,
} from '@contracts/invoices.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { invoiceEntity } from './invoice-entity.js';
import { receivableContract } from './receivable-contract.js';
import type { InvoiceTable } from './receivable-table.js';

export type InvoiceRow = Selectable<InvoiceTable>;

const NUMBER: Record<Locale, string> = { 'zh-CN': '发票号码', 'zh-TW': '發票號碼', en: 'Invoice number' };

export async function invoicesToApi(db: Db, rows: InvoiceRow[]) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const contracts = await db
    .selectFrom('contracts as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.number', 'c.title', 'c.customer_id', 'cu.name as customer_name'])
    .where('c.id', 'in', [...new Set(rows.map((r) => r.contract_id))])
    .execute();
  const byContract = new Map(contracts.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = byContract.get(r.contract_id);
    return {
      ...base(r as unknown as RecordBaseRow),
      contractId: r.contract_id,
      contractNumber: c?.number ?? '',
      contractTitle: c?.title ?? '',
      customerId: c?.customer_id ?? r.contract_id,
      customerName: c?.customer_name ?? '',
      number: r.number,
      issuedOn: r.issued_on,
      amount: r.amount,
      type: r.type as InvoiceType,
      taxRate: r.tax_rate,
      taxAmount: r.tax_amount,
      amountExcludingTax: formatFen(fen(r.amount) - fen(r.tax_amount)),
      note: r.note,
    };
  });
}

/** One live invoice per number in the company (the unique index says so too; this says it kindly). */
async function assertNumberFree(trx: Db, number: string, except?: string) {
  let q = trx.selectFrom('invoices').select('id').where('number', '=', number).where('deleted_at', 'is', null);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst())
    throw new AppError('DUPLICATE', { params: { field: NUMBER, value: number }, fields: { number: { key: 'duplicate' } } });
}

function taxOf(amount: string, taxRate: string, given: string | undefined): string {
  const tax = given ?? invoiceTax(amount, taxRate);
  if (fen(tax) > fen(amount)) throw fieldError('taxAmount', 'tax_over_amount', { amount });
  return tax;
}

/**
 * What a contract has invoiced may never exceed its amount (409 naming the figures). Read under the
 * contract's row lock, from the totals the trigger keeps (which refuses it too, as a last word).
 */
async function assertWithinContract(trx: Db, contractId: string, contractAmount: string, adding: bigint, amount: string) {
  const r = await trx.selectFrom('contract_receipts').select('invoiced').where('contract_id', '=', contractId).executeTakeFirst();
  const invoiced = fen(r?.invoiced ?? '0');
  const remaining = fen(contractAmount) - invoiced;
  if (adding > remaining)
    throw new AppError('INVOICE_OVER_AMOUNT', {
      params: {
        amount,
        remaining: formatFen(remaining < 0n ? 0n : remaining),
        contractAmount,
        invoiced: formatFen(invoiced),
      },
    });
}

/** M1: an invoice issued against an effective contract, within what is left to invoice on it. */
export async function createInvoice(trx: Db, actor: Actor, b: z.infer<typeof createInvoiceBody>): Promise<string> {
  const c = await receivableContract(trx, actor, b.contractId, { lock: true, effective: true });
  await assertNumberFree(trx, b.number);
  const tax = taxOf(b.amount, b.taxRate, b.taxAmount);
  await assertWithinContract(trx, c.id, c.amount, fen(b.amount), b.amount);
  const row = await insertRecord(
    trx,
    actor,
    invoiceEntity,
    {
      contract_id: c.id,
      number: b.number,
      issued_on: b.issuedOn,
      amount: b.amount,
      type: b.type,
      tax_rate: b.taxRate,
      tax_amount: tax,
      note: b.note ?? null,
    },
    c.owner_id,
  );
  return row.id as string;
}

/** The invoice and its contract, locked in that order. */
async function lockInvoice(trx: Db, actor: Actor, id: string) {
  const seen = (await findVisible(trx, actor, invoiceEntity, id)) as unknown as InvoiceRow;
  const contract = await trx
    .selectFrom('contracts')
    .select(['id', 'amount'])
    .where('id', '=', seen.contract_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = (await findVisible(trx, actor, invoiceEntity, id, { forUpdate: true })) as unknown as InvoiceRow;
  return { row, contract };
}

/** M1: corrects an invoice (a typo in its number, the date, the amount or the tax), with history. */
export async function updateInvoice(trx: Db, actor: Actor, id: string, b: z.infer<typeof updateInvoiceBody>) {
  const { row, contract } = await lockInvoice(trx, actor, id);
  if (row.version !== b.version) throw new AppError('VERSION_CONFLICT', { current: (await invoicesToApi(trx, [row]))[0] });
  if (b.number !== undefined && b.number !== row.number) await assertNumberFree(trx, b.number, id);
  const amount = b.amount ?? row.amount;
  const taxRate = b.taxRate ?? row.tax_rate;
  // A tax as given; else recomputed when the amount or the rate changes; else the tax stays as it was.
  const recompute = fen(amount) !== fen(row.amount) || fen(taxRate) !== fen(row.tax_rate);
  const tax = b.taxAmount !== undefined || recompute ? taxOf(amount, taxRate, b.taxAmount) : undefined;
  const more = fen(amount) - fen(row.amount);
  if (more > 0n) await assertWithinContract(trx, row.contract_id, contract.amount, more, amount);
  await updateRecord(
    trx,
    actor,
    invoiceEntity,
    id,
    b.version,
    {
      number: b.number,
      issued_on: b.issuedOn,
      amount: b.amount,
      type: b.type,
      tax_rate: b.taxRate,
      tax_amount: tax,
      note: b.note,
    },
    async (r) => (await invoicesToApi(trx, [r as unknown as InvoiceRow]))[0],
  );
  return id;
}

/** M1: voids an invoice into the recycle bin; what the contract has invoiced drops by its amount. */
export async function deleteInvoice(trx: Db, actor: Actor, id: string) {
  await lockInvoice(trx, actor, id);
  await softDeleteRecord(trx, actor, invoiceEntity, id);
}

export async function getInvoice(db: Db, actor: Actor, id: string) {
  const row = (await findVisible(db, actor, invoiceEntity, id)) as unknown as InvoiceRow;
  return (await invoicesToApi(db, [row]))[0];
}

const SORTABLE: Record<string, string> = { issuedOn: 'issued_on', amount: 'amount', number: 'number', createdAt: 'created_at' };

/** M1: invoices, scoped like every list (by the contract owner the invoice was recorded for). */
export async function listInvoices(db: Db, actor: Actor, q: z.infer<typeof invoiceListQuery>) {
  let f = db.selectFrom('invoices').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.contractId) f = f.where('contract_id', '=', q.contractId);
  if (q.customerId) f = f.where('contract_id', 'in', db.selectFrom('contracts').select('id').where('customer_id', '=', q.customerId));
  if (q.type) f = f.where('type', '=', q.type);
  if (q.issuedFrom) f = f.where('issued_on', '>=', q.issuedFrom);
  if (q.issuedTo) f = f.where('issued_on', '<=', q.issuedTo);
  if (q.q) f = f.where(sql<boolean>`(number ILIKE ${likePattern(q.q)} OR note ILIKE ${likePattern(q.q)})`);
  const page = await runList<InvoiceRow>(f, q, SORTABLE, '-issuedOn', (x) => x.selectAll());
  return { ...page, items: await invoicesToApi(db, page.items) };
}
