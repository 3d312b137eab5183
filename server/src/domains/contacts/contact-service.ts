import type { contactListQuery, createContactBody, updateContactBody } from '@contracts/contacts.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { assertPicklistCodes } from '../picklists/public.js';
import { contactEntity } from './contact-entity.js';
import type { ContactTable } from './contact-table.js';

type ContactRow = Selectable<ContactTable>;
type Body = Partial<z.infer<typeof createContactBody>>;

/** API field → column, for the fields a client may write (also the import's). */
export function contactColumns(b: Body): Record<string, unknown> {
  const map: Record<string, unknown> = {
    customer_id: b.customerId,
    name: b.name,
    title: b.title,
    department: b.department,
    role: b.role,
    mobile: b.mobile,
    phone: b.phone,
    email: b.email,
    birthday: b.birthday,
    notes: b.notes,
    is_primary: b.isPrimary,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

async function toApi(db: Db, rows: ContactRow[]) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const names = await titlesById(
    db,
    'customers',
    rows.map((r) => r.customer_id),
  );
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
    customerId: r.customer_id,
    customerName: names.get(r.customer_id) ?? '',
    name: r.name,
    title: r.title,
    department: r.department,
    role: r.role,
    mobile: r.mobile,
    phone: r.phone,
    email: r.email,
    birthday: r.birthday,
    notes: r.notes,
    isPrimary: r.is_primary,
  }));
}

const SORTABLE: Record<string, string> = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at' };

export async function listContacts(db: Db, actor: Actor, q: z.infer<typeof contactListQuery>) {
  // A customer's contacts go into the recycle bin with it (registerDependant): no check on the customer.
  let f = db.selectFrom('contacts').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.role) f = f.where('role', '=', q.role);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.q) {
    const p = likePattern(q.q);
    f = f.where((eb) => eb.or([eb('name', 'ilike', p), eb('mobile', 'like', p), eb('phone', 'like', p), eb('email', 'ilike', p)]));
  }
  const page = await runList<ContactRow>(f, q, SORTABLE, q.customerId ? '-updatedAt' : '-updatedAt', (x) => x.selectAll());
  return { ...page, items: await toApi(db, page.items) };
}

export async function getContact(db: Db, actor: Actor, id: string) {
  const row = (await findVisible(db, actor, contactEntity, id)) as unknown as ContactRow;
  return (await toApi(db, [row]))[0];
}

/** Only one primary contact per customer: setting one clears the others, each change in their history. */
/** A new primary contact takes over: the customers' other primaries are cleared, with history (also for imports). */
export async function clearOtherPrimaries(trx: Db, actor: Actor, customerIds: string[], exceptIds: string[]) {
  if (customerIds.length === 0) return;
  const cleared = await trx
    .updateTable('contacts')
    .set({ is_primary: false, version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
    .where('customer_id', 'in', customerIds)
    .where('id', 'not in', exceptIds)
    .where('is_primary', '=', true)
    .returning('id')
    .execute();
  for (const c of cleared) {
    await writeHistory(trx, actor, {
      entity: 'contact',
      recordId: c.id,
      action: 'update',
      changes: [{ field: 'is_primary', old: true, new: false }],
    });
  }
}

export async function createContact(trx: Db, actor: Actor, b: z.infer<typeof createContactBody>) {
  // The customer must be visible to the actor; its owner becomes the contact's owner.
  const customer = await findVisible(trx, actor, customerEntity, b.customerId).catch(() => {
    throw new AppError('VALIDATION', { fields: { customerId: { key: 'reference' } } });
  });
  await assertPicklistCodes(trx, 'contact_role', [b.role], 'role');
  const row = await insertRecord(trx, actor, contactEntity, contactColumns(b), customer.owner_id as string);
  if (b.isPrimary) await clearOtherPrimaries(trx, actor, [b.customerId], [row.id as string]);
  return row.id as string;
}

export async function updateContact(trx: Db, actor: Actor, id: string, body: z.infer<typeof updateContactBody>) {
  const { version, ...b } = body;
  const before = (await findVisible(trx, actor, contactEntity, id)) as unknown as ContactRow;
  await assertPicklistCodes(trx, 'contact_role', [b.role], 'role', [before.role]);
  const after = await updateRecord(
    trx,
    actor,
    contactEntity,
    id,
    version,
    contactColumns(b),
    async (row) => (await toApi(trx, [row as unknown as ContactRow]))[0],
  );
  if (b.isPrimary) await clearOtherPrimaries(trx, actor, [before.customer_id], [id]);
  return (await toApi(trx, [after as unknown as ContactRow]))[0];
}

export const deleteContact = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, contactEntity, id);
