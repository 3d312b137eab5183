import type { createLeadBody, leadListQuery, updateLeadBody } from '@contracts/leads.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCovers, scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { findVisible, insertRecord, ownerDepartment, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { assertPicklistCodes } from '../picklists/public.js';
import { assignByRules } from './assignment-rules.js';
import { leadEntity } from './lead-entity.js';
import type { LeadTable } from './lead-table.js';

export type LeadRow = Selectable<LeadTable>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function leadsToApi(db: Db, rows: LeadRow[]) {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.map((r) => r.owner_id).filter((x): x is string => !!x))];
  const deptIds = [...new Set(rows.map((r) => r.owner_dept_id).filter((x): x is string => !!x))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute() : [];
  const depts = deptIds.length ? await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', deptIds).execute() : [];
  const u = new Map(users.map((x) => [x.id, x.display_name]));
  const d = new Map(depts.map((x) => [x.id, x.name]));
  return rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    ownerName: r.owner_id ? (u.get(r.owner_id) ?? null) : null,
    ownerDeptId: r.owner_dept_id,
    ownerDeptName: r.owner_dept_id ? (d.get(r.owner_dept_id) ?? null) : null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
    company: r.company,
    contactName: r.contact_name,
    title: r.title,
    phone: r.phone,
    mobile: r.mobile,
    email: r.email,
    region: r.region,
    industry: r.industry,
    source: r.source,
    status: r.status,
    disqualifyReason: r.disqualify_reason,
    remarks: r.remarks,
    inPool: r.owner_id === null,
    assignedAt: iso(r.assigned_at),
    convertedAt: iso(r.converted_at),
    convertedCustomerId: r.converted_customer_id,
    convertedContactId: r.converted_contact_id,
  }));
}

/** API field → column, for the fields a client may write (also the import's). */
export function leadColumns(b: Partial<z.infer<typeof updateLeadBody>>): Record<string, unknown> {
  const map: Record<string, unknown> = {
    company: b.company,
    contact_name: b.contactName,
    title: b.title,
    phone: b.phone,
    mobile: b.mobile,
    email: b.email,
    region: b.region,
    industry: b.industry,
    source: b.source,
    remarks: b.remarks,
    status: b.status,
    disqualify_reason: b.disqualifyReason,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

const SORTABLE: Record<string, string> = { createdAt: 'created_at', updatedAt: 'updated_at', company: 'company', status: 'status' };

export async function listLeads(db: Db, actor: Actor, q: z.infer<typeof leadListQuery>, opts: { pool?: boolean } = {}) {
  let f = db.selectFrom('leads').where('deleted_at', 'is', null);
  // The pool's departments were checked by the route; otherwise the scope decides.
  f = opts.pool ? f.where('owner_id', 'is', null).where('status', 'not in', ['converted', 'disqualified']) : f.where(scopeFilter(actor));
  if (q.status) f = f.where('status', '=', q.status);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.source) f = f.where('source', '=', q.source);
  if (q.industry) f = f.where('industry', '=', q.industry);
  if (q.region) f = f.where('region', 'ilike', likePattern(q.region));
  if (q.q) {
    const p = likePattern(q.q);
    f = f.where((eb) =>
      eb.or([eb('company', 'ilike', p), eb('contact_name', 'ilike', p), eb('mobile', 'like', p), eb('phone', 'like', p)]),
    );
  }
  const page = await runList<LeadRow>(f, q, SORTABLE, '-createdAt', (x) => x.selectAll());
  return { ...page, items: await leadsToApi(db, page.items) };
}

export async function getLead(db: Db, actor: Actor, id: string) {
  return (await leadsToApi(db, [(await findVisible(db, actor, leadEntity, id)) as unknown as LeadRow]))[0];
}

async function checkPicklists(trx: Db, b: { industry?: string | null; source?: string | null }, before?: LeadRow) {
  await assertPicklistCodes(trx, 'industry', [b.industry], 'industry', [before?.industry]);
  await assertPicklistCodes(trx, 'customer_source', [b.source], 'source', [before?.source]);
}

export async function createLead(trx: Db, actor: Actor, b: z.infer<typeof createLeadBody>) {
  await checkPicklists(trx, b);
  const { ownerId, autoAssign, ...rest } = b;
  let owner: string | null = ownerId ?? actor.userId;
  let ruleId: string | null = null;
  if (autoAssign && !ownerId) {
    const routed = await assignByRules(trx, { region: b.region ?? null, industry: b.industry ?? null, source: b.source ?? null });
    owner = routed?.ownerId ?? null;
    ruleId = routed?.ruleId ?? null;
  }
  const values = { ...leadColumns(rest), assigned_rule_id: ruleId, assigned_at: owner ? sql`now()` : null };
  // Routed owners need not be in the creator's scope: the admin's rules decided, not the creator.
  if (ruleId && owner) {
    const row = await insertRecord(trx, actor, leadEntity, values, null);
    await trx
      .updateTable('leads')
      .set({ owner_id: owner, owner_dept_id: await ownerDepartment(trx, owner) })
      .where('id', '=', row.id as string)
      .execute();
    await writeHistory(trx, actor, {
      entity: 'lead',
      recordId: row.id as string,
      action: 'assign',
      changes: [{ field: 'owner_id', old: null, new: owner }],
    });
    return row.id as string;
  }
  return (await insertRecord(trx, actor, leadEntity, values, owner)).id as string;
}

export async function updateLead(trx: Db, actor: Actor, id: string, body: z.infer<typeof updateLeadBody>) {
  const { version, ...b } = body;
  const before = (await findVisible(trx, actor, leadEntity, id)) as unknown as LeadRow;
  if (before.status === 'converted') throw new AppError('LEAD_CONVERTED');
  await checkPicklists(trx, b, before);
  if (b.status === 'disqualified' && !(b.disqualifyReason ?? before.disqualify_reason)) {
    throw new AppError('VALIDATION', { fields: { disqualifyReason: { key: 'required' } } });
  }
  const after = await updateRecord(
    trx,
    actor,
    leadEntity,
    id,
    version,
    leadColumns(b),
    async (row) => (await leadsToApi(trx, [row as unknown as LeadRow]))[0],
  );
  return (await leadsToApi(trx, [after as unknown as LeadRow]))[0];
}

export const deleteLead = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, leadEntity, id);

/** Manual assignment by someone whose scope covers both the lead (or the pool) and the new owner. */
export async function assignLead(trx: Db, actor: Actor, now: Date, id: string, ownerId: string, version: number) {
  const lead = await trx
    .selectFrom('leads')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  const visible =
    lead &&
    (lead.owner_id === null ? actor.scope !== 'own' : scopeCovers(actor, { ownerId: lead.owner_id, ownerDeptId: lead.owner_dept_id }));
  if (!lead || !visible) throw new AppError('NOT_FOUND');
  if (lead.version !== version) throw new AppError('VERSION_CONFLICT', { current: (await leadsToApi(trx, [lead]))[0] });
  if (lead.status === 'converted') throw new AppError('LEAD_CONVERTED');
  const deptId = await ownerDepartment(trx, ownerId);
  if (!scopeCovers(actor, { ownerId, ownerDeptId: deptId }))
    throw new AppError('VALIDATION', { fields: { ownerId: { key: 'owner_scope' } } });
  await moveLead(trx, actor, now, lead, ownerId, deptId, 'assign');
}

/** Pool moves are stamped with the app clock: the daily claim limit counts them by company-time-zone day. */
export async function moveLead(
  trx: Db,
  actor: Actor,
  now: Date,
  lead: LeadRow,
  ownerId: string | null,
  deptId: string | null,
  action: 'assign' | 'claim' | 'release',
) {
  await trx
    .updateTable('leads')
    .set({
      owner_id: ownerId,
      owner_dept_id: deptId,
      assigned_at: ownerId ? now : null,
      assigned_rule_id: null,
      version: sql`version + 1`,
      updated_by: actor.userId,
      updated_at: sql`now()`,
    })
    .where('id', '=', lead.id)
    .execute();
  await writeHistory(trx, actor, {
    entity: 'lead',
    recordId: lead.id,
    action,
    at: now,
    changes: [{ field: 'owner_id', old: lead.owner_id, new: ownerId }],
  });
}
