import { createContactBody } from '@contracts/contacts.js';
import { createCustomerBody } from '@contracts/customers.js';
import type { ImportEntity } from '@contracts/imports.js';
import { createLeadBody } from '@contracts/leads.js';
import type { Module } from '@contracts/permissions.js';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { clearOtherPrimaries, contactColumns } from '../contacts/contact-service.js';
import { customerColumns } from '../customers/customer-mapping.js';
import { leadColumns } from '../leads/lead-service.js';

/** A row on its way in: the file's cells, the body built from them and what is wrong with it. */
export interface Candidate {
  rowNo: number;
  raw: string[];
  body: Record<string, unknown>;
  problems: { field: string; message: string }[];
  duplicate: boolean;
  /** Columns to insert, once the row passed every check. */
  values?: Record<string, unknown>;
  ownerId?: string;
  ownerDeptId?: string | null;
}

export interface BatchContext {
  actor: Actor;
  /** 'skip' rejects rows that match existing records; 'allow' only rejects what the database must refuse. */
  skipDuplicates: boolean;
  /** Keys of rows earlier in the same file, so a file cannot duplicate itself. */
  seen: Set<string>;
  message: (key: 'import_duplicate' | 'import_duplicate_in_file' | 'import_customer_missing') => string;
}

export interface ImportTarget {
  entity: ImportEntity;
  historyEntity: string;
  module: Module;
  table: 'customers' | 'contacts' | 'leads';
  schema: z.ZodType;
  columns: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Turns names into ids for the whole batch (one query). */
  resolve?: (db: Db, ctx: BatchContext, batch: Candidate[]) => Promise<void>;
  /** Marks rows that duplicate existing records or earlier rows. */
  duplicates: (db: Db, ctx: BatchContext, batch: Candidate[]) => Promise<void>;
  /** What INSERT … RETURNING gives back beside the id, as `k` (and more) for the hooks below. */
  returning: RawBuilder<unknown>;
  /** A live-unique value the insert may collide on (ON CONFLICT DO NOTHING): rows whose key is not returned as `k` were lost to it. */
  uniqueKey?: (values: Record<string, unknown>) => string;
  afterInsert?: (trx: Db, actor: Actor, inserted: InsertedRow[]) => Promise<void>;
}

export interface InsertedRow {
  id: string;
  k: string | null;
  is_primary?: boolean;
}

const lowerOrNull = (v: unknown) => (typeof v === 'string' && v ? v.toLowerCase() : null);

function flag(c: Candidate, field: string, message: string, duplicate = true) {
  c.problems.push({ field, message });
  c.duplicate ||= duplicate;
}

/** company_name_key() for a batch of names, in the database, so the file and the table agree on the rule. */
async function nameKeys(db: Db, names: string[]): Promise<string[]> {
  const { rows } = await sql<{ k: string | null }>`
    SELECT company_name_key(x) AS k FROM unnest(${names}::text[]) WITH ORDINALITY AS t(x, i) ORDER BY i`.execute(db);
  return rows.map((r) => r.k ?? '');
}

const customers: ImportTarget = {
  entity: 'customers',
  historyEntity: 'customer',
  module: 'customers',
  table: 'customers',
  schema: createCustomerBody,
  returning: sql`id, lower(name) AS k`,
  uniqueKey: (values) => String(values.name).toLowerCase(),
  columns: (b) => {
    const { owner_id: _owner, ...values } = customerColumns(b);
    if (b.grade) values.grade_source = 'manual';
    return values;
  },
  async duplicates(db, ctx, batch) {
    const names = batch.map((c) => String(c.body.name));
    const keys = await nameKeys(db, names);
    const lowers = names.map((n) => n.toLowerCase());
    const phones = batch.map((c) => (c.body.phone as string | null) ?? null);
    const existing = await sql<{ l: string; k: string; p: string | null }>`
      SELECT lower(name) AS l, name_key AS k, phone AS p FROM customers
       WHERE deleted_at IS NULL
         AND (lower(name) = ANY(${lowers}::text[]) OR name_key = ANY(${keys}::text[])
              OR phone = ANY(${phones.filter(Boolean)}::text[]))`.execute(db);
    const byLower = new Set(existing.rows.map((r) => r.l));
    const byKey = new Set(existing.rows.map((r) => r.k));
    const byPhone = new Set(existing.rows.map((r) => r.p).filter(Boolean));
    batch.forEach((c, i) => {
      // Names are unique among live customers whatever the policy (C1).
      if (byLower.has(lowers[i])) flag(c, 'name', ctx.message('import_duplicate'));
      else if (ctx.seen.has(`l:${lowers[i]}`)) flag(c, 'name', ctx.message('import_duplicate_in_file'));
      else if (ctx.skipDuplicates && byKey.has(keys[i])) flag(c, 'name', ctx.message('import_duplicate'));
      else if (ctx.skipDuplicates && ctx.seen.has(`k:${keys[i]}`)) flag(c, 'name', ctx.message('import_duplicate_in_file'));
      else if (ctx.skipDuplicates && phones[i] && byPhone.has(phones[i])) flag(c, 'phone', ctx.message('import_duplicate'));
      else if (ctx.skipDuplicates && phones[i] && ctx.seen.has(`p:${phones[i]}`)) flag(c, 'phone', ctx.message('import_duplicate_in_file'));
      ctx.seen.add(`l:${lowers[i]}`);
      ctx.seen.add(`k:${keys[i]}`);
      if (phones[i]) ctx.seen.add(`p:${phones[i]}`);
    });
  },
};

/** Same mobile, phone or e-mail as a live contact (or an earlier row) is the same person. */
async function personDuplicates(
  db: Db,
  ctx: BatchContext,
  batch: Candidate[],
  table: 'contacts' | 'leads',
  extra = sql`true`,
): Promise<Set<number>> {
  const mobiles = batch.map((c) => (c.body.mobile as string) || null);
  const phones = batch.map((c) => (c.body.phone as string) || null);
  const emails = batch.map((c) => lowerOrNull(c.body.email));
  const { rows } = await sql<{ m: string | null; p: string | null; e: string | null }>`
    SELECT mobile AS m, phone AS p, lower(email) AS e FROM ${sql.table(table)}
     WHERE deleted_at IS NULL AND ${extra}
       AND (mobile = ANY(${mobiles.filter(Boolean)}::text[]) OR phone = ANY(${phones.filter(Boolean)}::text[])
            OR lower(email) = ANY(${emails.filter(Boolean)}::text[]))`.execute(db);
  const known = new Set(rows.flatMap((r) => [r.m && `m:${r.m}`, r.p && `m:${r.p}`, r.e && `e:${r.e}`]).filter(Boolean) as string[]);
  const hit = new Set<number>();
  batch.forEach((c, i) => {
    const keys = [mobiles[i] && `m:${mobiles[i]}`, phones[i] && `m:${phones[i]}`, emails[i] && `e:${emails[i]}`].filter(
      Boolean,
    ) as string[];
    if (c.problems.length === 0 && ctx.skipDuplicates) {
      const field = emails[i] && keys.includes(`e:${emails[i]}`) ? 'email' : mobiles[i] ? 'mobile' : 'phone';
      if (keys.some((k) => known.has(k))) {
        flag(c, field, ctx.message('import_duplicate'));
        hit.add(i);
      } else if (keys.some((k) => ctx.seen.has(`${table}:${k}`))) {
        flag(c, field, ctx.message('import_duplicate_in_file'));
        hit.add(i);
      }
    }
    for (const k of keys) ctx.seen.add(`${table}:${k}`);
  });
  return hit;
}

const contacts: ImportTarget = {
  entity: 'contacts',
  historyEntity: 'contact',
  module: 'contacts',
  table: 'contacts',
  schema: createContactBody,
  columns: (b) => contactColumns(b as Parameters<typeof contactColumns>[0]),
  returning: sql`id, customer_id AS k, is_primary`,
  // A new primary contact takes over from the customer's previous one.
  async afterInsert(trx, actor, inserted) {
    const primaries = inserted.filter((r) => r.is_primary);
    await clearOtherPrimaries(
      trx,
      actor,
      primaries.map((p) => p.k as string),
      primaries.map((p) => p.id),
    );
  },
  async resolve(db, ctx, batch) {
    const wanted = [...new Set(batch.map((c) => lowerOrNull(c.body.customerId)).filter(Boolean) as string[])];
    if (wanted.length === 0) return;
    // A contact belongs to a customer the importer can see, and to that customer's owner.
    const { rows } = await sql<{ l: string; id: string; owner_id: string; owner_dept_id: string | null }>`
      SELECT lower(name) AS l, id, owner_id, owner_dept_id FROM customers
       WHERE deleted_at IS NULL AND owner_id IS NOT NULL AND lower(name) = ANY(${wanted}::text[])
         AND ${scopeFilter(ctx.actor)}`.execute(db);
    const byName = new Map(rows.map((r) => [r.l, r]));
    for (const c of batch) {
      const name = lowerOrNull(c.body.customerId);
      if (!name) continue;
      const hit = byName.get(name);
      if (hit) {
        c.body.customerId = hit.id;
        c.ownerId = hit.owner_id;
        c.ownerDeptId = hit.owner_dept_id;
      } else {
        delete c.body.customerId;
        flag(c, 'customerId', ctx.message('import_customer_missing'), false);
      }
    }
  },
  async duplicates(db, ctx, batch) {
    await personDuplicates(db, ctx, batch, 'contacts');
  },
};

const leads: ImportTarget = {
  entity: 'leads',
  historyEntity: 'lead',
  module: 'leads',
  table: 'leads',
  schema: createLeadBody,
  columns: (b) => leadColumns(b),
  returning: sql`id, NULL AS k`,
  async duplicates(db, ctx, batch) {
    if (!ctx.skipDuplicates) return;
    // A lead for a company that is already a customer, or already an open lead, is not new business.
    const names = batch.map((c) => String(c.body.company));
    const keys = await nameKeys(db, names);
    const { rows } = await sql<{ k: string }>`
      SELECT name_key AS k FROM customers WHERE deleted_at IS NULL AND name_key = ANY(${keys}::text[])
      UNION SELECT company_key FROM leads WHERE deleted_at IS NULL AND status <> 'converted' AND company_key = ANY(${keys}::text[])`.execute(
      db,
    );
    const known = new Set(rows.map((r) => r.k));
    batch.forEach((c, i) => {
      if (c.problems.length > 0) return;
      if (known.has(keys[i])) flag(c, 'company', ctx.message('import_duplicate'));
      else if (ctx.seen.has(`k:${keys[i]}`)) flag(c, 'company', ctx.message('import_duplicate_in_file'));
      ctx.seen.add(`k:${keys[i]}`);
    });
    await personDuplicates(
      db,
      ctx,
      batch.filter((c) => c.problems.length === 0),
      'leads',
      sql`status <> 'converted'`,
    );
  },
};

export const IMPORT_TARGETS: Record<ImportEntity, ImportTarget> = { customers, contacts, leads };
