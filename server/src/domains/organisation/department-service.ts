import { sql } from 'kysely';
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
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM departments WHERE id = ${newParentId}
      UNION SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
    ) SELECT id FROM up WHERE id = ${id}`.execute(db);
  if (rows.length > 0) throw new AppError('DEPARTMENT_CYCLE');
}

export async function assertDepartmentExists(db: Db, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const d = await db.selectFrom('departments').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!d) throw new AppError('VALIDATION', { fields: { [field]: { key: 'reference' } } });
}
