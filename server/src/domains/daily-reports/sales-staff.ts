import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';

export interface StaffMember {
  id: string;
  displayName: string;
  departmentId: string | null;
  departmentName: string | null;
  locale: string;
  email: string | null;
}

/**
 * Who gets a daily report: active users holding a role that logs sales work (follow_ups:create)
 * below company-wide scope — reps and the managers who sell too; the director, finance and the
 * administrator read the team's report instead. With an actor, only those the actor's scope covers
 * (a user counts as owner of himself in his department, so the one scope filter applies).
 */
export async function salesStaff(db: Db, opts: { actor?: Actor; departmentId?: string; userIds?: string[] } = {}): Promise<StaffMember[]> {
  const { rows } = await sql<StaffMember>`
    SELECT s.id, s.display_name AS "displayName", s.owner_dept_id AS "departmentId", d.name AS "departmentName", s.locale, s.email
      FROM (SELECT u.id, u.display_name, u.locale, u.email, u.id AS owner_id, u.department_id AS owner_dept_id FROM users u
             WHERE u.active AND EXISTS (
               SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                WHERE ur.user_id = u.id AND r.data_scope <> 'all' AND r.permissions ? 'follow_ups:create')) s
      LEFT JOIN departments d ON d.id = s.owner_dept_id
     WHERE ${opts.actor ? scopeFilter(opts.actor, 's', { departmentId: opts.departmentId }) : sql`true`}
       ${opts.userIds ? sql`AND s.id = ANY(${opts.userIds}::uuid[])` : sql``}
     ORDER BY d.name NULLS LAST, s.display_name`.execute(db);
  return rows;
}
