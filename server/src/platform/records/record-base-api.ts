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
