import type { createCustomerBody, updateCustomerBody } from '@contracts/customers.js';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { type RecordBaseRow, recordBaseToApi } from '../../platform/records/record-base-api.js';
import type { CustomerTable } from './customer-table.js';
import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';

type CustomerRow = Selectable<CustomerTable>;
type Body = z.infer<typeof createCustomerBody> | Omit<z.infer<typeof updateCustomerBody>, 'version'>;

/** API field → column, for the fields a client may write. */
export function customerColumns(b: Partial<Body>): Record<string, unknown> {
  const map: Record<string, unknown> = {
    name: b.name,
    short_name: b.shortName,
    industry: b.industry,
    source: b.source,
    grade: b.grade,
    customer_type: b.customerType,
    region: b.region,
    address: b.address,
    phone: b.phone,
    website: b.website,
    tags: b.tags,
    is_key: b.isKey,
    follow_up_cycle_days: b.followUpCycleDays,
    credit_limit: b.creditLimit,
    remarks: b.remarks,
    potential_score: b.potentialScore,
    owner_id: b.ownerId,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

/** What the API shows beside a customer's own columns: names of owner and department, contact summary. */
interface CustomerDisplay {
  owner_name: string | null;
  owner_dept_name: string | null;
  contact_count: number;
  primary_contact_name: string | null;
}
type DisplayRow = CustomerRow & CustomerDisplay;

// Subqueries rather than joins, so the list's unqualified sort and filter columns stay unambiguous.
// The primary contact is the one marked primary, else the earliest; deleted contacts do not count.
const displayColumns = [
  sql<string | null>`(SELECT u.display_name FROM users u WHERE u.id = customers.owner_id)`.as('owner_name'),
  sql<string | null>`(SELECT d.name FROM departments d WHERE d.id = customers.owner_dept_id)`.as('owner_dept_name'),
  sql<number>`(SELECT count(*)::int FROM contacts c WHERE c.customer_id = customers.id AND c.deleted_at IS NULL)`.as('contact_count'),
  sql<string | null>`(SELECT c.name FROM contacts c WHERE c.customer_id = customers.id AND c.deleted_at IS NULL
                       ORDER BY c.is_primary DESC, c.created_at LIMIT 1)`.as('primary_contact_name'),
];

/** Customer rows with what the API shows beside them, in the same query (the list's page query, a read by id). */
// biome-ignore lint/suspicious/noExplicitAny: any query whose FROM is customers
export const selectForApi = (q: SelectQueryBuilder<any, any, any>) => q.selectAll('customers').select(displayColumns);

/** Shapes rows for the API; rows read without selectForApi get their display columns in one more query. */
export async function customersToApi(db: Db, rows: (CustomerRow | DisplayRow)[]) {
  if (rows.length === 0) return [];
  let display = (r: CustomerRow | DisplayRow) => r as DisplayRow;
  if (!('owner_name' in rows[0])) {
    const extra = await db
      .selectFrom('customers')
      .select(['id', ...displayColumns])
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const byId = new Map(extra.map((e) => [e.id, e]));
    display = (r) => ({ ...byId.get(r.id), ...r }) as DisplayRow;
  }
  // The record-base fields go last: `{ ...base, name, … }` (spread first, then many keys) falls off
  // a V8 fast path and costs ~0.1 ms per row; the response's key order comes from the schema.
  return rows.map((row) => {
    const r = display(row);
    return {
      name: r.name,
      shortName: r.short_name,
      industry: r.industry,
      source: r.source,
      grade: r.grade,
      customerType: r.customer_type,
      region: r.region,
      address: r.address,
      phone: r.phone,
      website: r.website,
      tags: r.tags ?? [],
      isKey: r.is_key,
      followUpCycleDays: r.follow_up_cycle_days,
      creditLimit: r.credit_limit,
      remarks: r.remarks,
      potentialScore: r.potential_score ?? null,
      gradeSource: r.grade_source ?? null,
      contactCount: r.contact_count ?? 0,
      primaryContactName: r.primary_contact_name ?? null,
      ...recordBaseToApi(r as unknown as RecordBaseRow, r.owner_name ?? null, r.owner_dept_name ?? null),
    };
  });
}
