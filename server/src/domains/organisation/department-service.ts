import { sql } from 'kysely';
import { departmentAncestry } from '../../platform/access/department-subtree.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';

export async function listDepartments(db: Db) {
  const { rows } = await sql<{
    id: string;
    name: string;
    parent_id: string | null;
    manager_id: string | null;
    manager_name: string | null;
    sort_order: number;
    user_count: number;
    version: number;
  }>`SELECT d.id, d.name, d.parent_id, d.manager_id, m.display_name AS manager_name, d.sort_order, d.version,
            (SELECT count(*)::int FROM users u WHERE u.department_id = d.id AND u.active) AS user_count
       FROM departments d LEFT JOIN users m ON m.id = d.manager_id
      WHERE d.deleted_at IS NULL ORDER BY d.sort_order, d.name`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    managerId: r.manager_id,
    managerName: r.manager_name,
    sortOrder: r.sort_order,
    userCount: r.user_count,
    version: r.version,
  }));
}

/** A department may not move under itself or one of its descendants. */
export async function assertNoCycle(db: Db, id: string, newParentId: string | null): Promise<void> {
  if (!newParentId) return;
  const { rows } = await sql<{ cycle: boolean }>`SELECT ${id}::uuid = ANY(${departmentAncestry(newParentId)}) AS cycle`.execute(db);
  if (rows[0]?.cycle) throw new AppError('DEPARTMENT_CYCLE');
}

export async function assertDepartmentExists(db: Db, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const d = await db.selectFrom('departments').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!d) throw new AppError('VALIDATION', { fields: { [field]: { key: 'reference' } } });
}
