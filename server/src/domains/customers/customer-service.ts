import type { createCustomerBody, customerListQuery, updateCustomerBody } from '@contracts/customers.js';
import { fen } from '@contracts/quote-money.js';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { assertPicklistCodes } from '../picklists/public.js';
import { customerEntity } from './customer-entity.js';
import { customerColumns, customersToApi, selectForApi } from './customer-mapping.js';
import type { CustomerTable } from './customer-table.js';

type CustomerRow = Selectable<CustomerTable>;

const SORTABLE: Record<string, string> = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  grade: 'grade',
  creditLimit: 'credit_limit',
};

/** The customers_search index expression (0002_customers.sql): the two must stay identical. */
const SEARCH_BIGRAMS = sql`text_bigrams(lower(name || ' ' || coalesce(short_name, '') || ' ' || coalesce(phone, '')))`;

/** Query parameters that only page, sort or narrow by owner: the owner counts can total those lists. */
const OWNER_ONLY_PARAMS = new Set(['page', 'pageSize', 'sort', 'ownerId', 'ownerDeptId']);

export async function listCustomers(db: Db, actor: Actor, q: z.infer<typeof customerListQuery>) {
  // Pooled customers (no owner) are listed by the pool, not here.
  let f = db.selectFrom('customers').where('deleted_at', 'is', null).where('owner_id', 'is not', null).where(scopeFilter(actor));
  if (q.q) {
    const p = likePattern(q.q);
    f = f.where((eb) => eb.or([eb('name', 'ilike', p), eb('short_name', 'ilike', p), eb('phone', 'like', p)]));
    // Any match contains every two-character piece of q, so across a wide scope the bigram index
    // finds the candidates first. One owner's customers are few and their index carries name, short
    // name and phone: scanning it beats a common fragment's candidates, which the planner cannot
    // foresee (it multiplies the pieces' odds), so the bigram condition is left out there.
    const oneOwner = actor.scope === 'own' || !!q.ownerId;
    if ([...q.q].length >= 2 && !oneOwner) f = f.where(sql<boolean>`${SEARCH_BIGRAMS} @> text_bigrams(lower(${q.q}))`);
  }
  if (q.industry?.length) f = f.where('industry', 'in', q.industry);
  if (q.source?.length) f = f.where('source', 'in', q.source);
  if (q.grade?.length) f = f.where('grade', 'in', q.grade);
  if (q.customerType) f = f.where('customer_type', '=', q.customerType);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.ownerDeptId) f = f.where('owner_dept_id', '=', q.ownerDeptId);
  if (q.isKey) f = f.where('is_key', '=', q.isKey === 'true');
  if (q.tag) f = f.where(sql<boolean>`${q.tag} = ANY(tags)`);
  if (q.region) f = f.where('region', 'ilike', likePattern(q.region));
  // Without filters on other columns, the exact total is a sum over customer_counts (a row per owner
  // and department) under the same scope rule, instead of count(*) over up to every customer.
  const ownerOnly = Object.entries(q).every(
    ([key, v]) => OWNER_ONLY_PARAMS.has(key) || v === undefined || v === '' || (Array.isArray(v) && v.length === 0),
  );
  const total = ownerOnly
    ? async () => {
        let c = db
          .selectFrom('customer_counts')
          .select(sql<number>`coalesce(sum(live), 0)::int`.as('n'))
          .where('owner_id', 'is not', null)
          .where(scopeFilter(actor));
        if (q.ownerId) c = c.where('owner_id', '=', q.ownerId);
        if (q.ownerDeptId) c = c.where('owner_dept_id', '=', q.ownerDeptId);
        return (await c.executeTakeFirstOrThrow()).n;
      }
    : undefined;
  const page = await runList<CustomerRow>(f, q, SORTABLE, '-updatedAt', selectForApi, 'id', total);
  return { ...page, items: await customersToApi(db, page.items) };
}

/** One query: the row (if visible: live and in scope, else 404 as findVisible) with its display columns. */
export async function getCustomer(db: Db, actor: Actor, id: string) {
  const row = await selectForApi(db.selectFrom('customers'))
    .where('id', '=', id)
    .where(scopeFilter(actor))
    .where('deleted_at', 'is', null)
    .where('owner_id', 'is not', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return (await customersToApi(db, [row as CustomerRow]))[0];
}

async function checkPicklists(trx: Db, b: Partial<z.infer<typeof createCustomerBody>>, before?: CustomerRow) {
  await assertPicklistCodes(trx, 'industry', [b.industry], 'industry', [before?.industry]);
  await assertPicklistCodes(trx, 'customer_source', [b.source], 'source', [before?.source]);
  await assertPicklistCodes(trx, 'customer_grade', [b.grade], 'grade', [before?.grade]);
}

/** C1: names are unique among live customers; the duplicate's owner is not revealed. */
async function assertNameFree(trx: Db, name: string, exceptId?: string) {
  let q = trx.selectFrom('customers').select('id').where(sql<boolean>`lower(name) = lower(${name})`).where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('VALIDATION', { fields: { name: { key: 'duplicate' } } });
}

/**
 * M3: the credit limit is finance's control over what a customer may owe. Without credit_limits:edit
 * a limit may be set or tightened, never raised or removed — a rep loosening it would wave his own
 * contract through.
 */
function assertMaySetCreditLimit(actor: Actor, next: string | null | undefined, current: string | null) {
  if (next === undefined || current === null || can(actor, 'credit_limits', 'edit')) return;
  if (next === null || fen(next) > fen(current)) {
    throw new AppError('FORBIDDEN', { fields: { creditLimit: { key: 'credit_limit_finance' } } });
  }
}

export async function createCustomer(trx: Db, actor: Actor, b: z.infer<typeof createCustomerBody>) {
  await checkPicklists(trx, b);
  await assertNameFree(trx, b.name);
  const { owner_id, ...values } = customerColumns(b);
  // A grade a person picks is theirs: the grading rules keep it (C7).
  if (b.grade) values.grade_source = 'manual';
  const row = await insertRecord(trx, actor, customerEntity, values, (owner_id as string | undefined) ?? actor.userId);
  return row.id as string;
}

export async function updateCustomer(trx: Db, actor: Actor, id: string, body: z.infer<typeof updateCustomerBody>) {
  const { version, ...b } = body;
  const before = (await findVisible(trx, actor, customerEntity, id)) as unknown as CustomerRow;
  assertMaySetCreditLimit(actor, b.creditLimit, before.credit_limit);
  await checkPicklists(trx, b, before);
  if (b.name !== undefined) await assertNameFree(trx, b.name, id);
  const after = await updateRecord(
    trx,
    actor,
    customerEntity,
    id,
    version,
    {
      ...customerColumns(b),
      ...(b.grade !== undefined && (b.grade ?? null) !== before.grade ? { grade_source: b.grade ? 'manual' : null } : {}),
    },
    async (row) => (await customersToApi(trx, [row as unknown as CustomerRow]))[0],
  );
  // Contacts follow their customer's owner, so a reassigned customer brings its people along.
  if (after.owner_id !== before.owner_id) {
    const moved = await trx
      .updateTable('contacts')
      .set({
        owner_id: after.owner_id as string,
        owner_dept_id: after.owner_dept_id as string | null,
        version: sql`version + 1`,
        updated_by: actor.userId,
        updated_at: sql`now()`,
      })
      .where('customer_id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('id')
      .execute();
    for (const c of moved) {
      await writeHistory(trx, actor, {
        entity: 'contact',
        recordId: c.id,
        action: 'transfer',
        changes: [{ field: 'owner_id', old: before.owner_id, new: after.owner_id }],
      });
    }
  }
  return (await customersToApi(trx, [after as unknown as CustomerRow]))[0];
}

export const deleteCustomer = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, customerEntity, id);
