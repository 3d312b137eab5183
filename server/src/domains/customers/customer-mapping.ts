import type { createCustomerBody, updateCustomerBody } from '@contracts/customers.js';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { ownerNames, type RecordBaseRow } from '../../platform/records/record-base-api.js';
import type { CustomerTable } from './customer-table.js';
import type { Selectable } from 'kysely';

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
    owner_id: b.ownerId,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

/** Shapes a page of rows for the API, with owner names and contact summary in three small queries. */
export async function customersToApi(db: Db, rows: CustomerRow[]) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const ids = rows.map((r) => r.id);
  const contacts = await db
    .selectFrom('contacts')
    .select(['customer_id', 'name', 'is_primary'])
    .where('customer_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .execute();
  const byCustomer = new Map<string, { count: number; primary: string | null }>();
  for (const c of contacts) {
    const e = byCustomer.get(c.customer_id) ?? { count: 0, primary: c.name };
    e.count += 1;
    byCustomer.set(c.customer_id, e);
  }
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
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
    contactCount: byCustomer.get(r.id)?.count ?? 0,
    primaryContactName: byCustomer.get(r.id)?.primary ?? null,
  }));
}
