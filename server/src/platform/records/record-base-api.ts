import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface RecordBaseRow {
  id: string;
  owner_id: string;
  owner_dept_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
  version: number;
}

/** The record-base fields of the API shape, for a row whose owner and department names are known. */
export function recordBaseToApi(row: RecordBaseRow, ownerName: string | null, ownerDeptName: string | null) {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName,
    ownerDeptId: row.owner_dept_id,
    ownerDeptName: row.owner_dept_id ? ownerDeptName : null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Looks up owner and department names for a page of records in two small queries. */
export async function ownerNames(db: Db, rows: RecordBaseRow[]) {
  const userIds = [...new Set(rows.map((r) => r.owner_id))];
  const deptIds = [...new Set(rows.map((r) => r.owner_dept_id).filter((d): d is string => !!d))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute() : [];
  const depts = deptIds.length ? await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', deptIds).execute() : [];
  const u = new Map(users.map((x) => [x.id, x.display_name]));
  const d = new Map(depts.map((x) => [x.id, x.name]));
  return (row: RecordBaseRow) =>
    recordBaseToApi(row, u.get(row.owner_id) ?? null, row.owner_dept_id ? (d.get(row.owner_dept_id) ?? null) : null);
}

/**
 * Names of the records a page refers to (its rows' customers, contacts, deals), in one query per
 * table: id → the record's title column. Ids may repeat or be null; deleted records keep their name,
 * as a follow-up still belongs to the customer it was written for.
 */
export async function titlesById(db: Db, table: string, ids: readonly (string | null)[], column = 'name'): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<{ id: string; title: string }>`
    SELECT id, ${sql.ref(column)} AS title FROM ${sql.table(table)} WHERE id = ANY(${unique}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.title]));
}
