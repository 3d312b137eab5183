import type { Locale } from '@contracts/common.js';
import { type Action, type DataScope, hasPermission, type Module } from '@contracts/permissions.js';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

/** Who is acting: resolved once per request from a session or an API token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  locale: Locale;
  roles: string[];
  permissions: string[];
  scope: DataScope;
  /** Departments whose records a 'department' scope reveals (own department and managed ones, with their subtrees). */
  visibleDeptIds: string[];
  via: 'session' | 'token' | 'system';
  requestId?: string;
  sessionId?: string;
  csrfToken?: string;
}

/** Scheduled jobs act as the system: history shows no person (actor_id NULL), scope is everything. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  departmentId: null,
  locale: 'zh-CN',
  roles: [],
  permissions: ['*'],
  scope: 'all',
  visibleDeptIds: [],
  via: 'system',
};

/** The user id to store in created_by / updated_by: none for the system. */
export const actorUserId = (actor: Actor): string | null => (actor.via === 'system' ? null : actor.userId);

const SCOPE_RANK: Record<DataScope, number> = { own: 1, department: 2, all: 3 };

interface ActorRow {
  id: string;
  username: string;
  display_name: string;
  department_id: string | null;
  locale: string;
  active: boolean;
  roles: string[] | null;
  permissions: string[] | null;
  scope_rank: number | null;
  dept_ids: string[] | null;
}

// The actor's columns for a user row `u`: roles, merged permissions, widest scope and the visible
// department subtree.
const ACTOR_COLUMNS = sql`u.id, u.username, u.display_name, u.department_id, u.locale, u.active,
      (SELECT array_agg(r.key ORDER BY r.key) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
      (SELECT array_agg(DISTINCT p) FROM user_roles ur JOIN roles r ON r.id = ur.role_id,
              jsonb_array_elements_text(r.permissions) p WHERE ur.user_id = u.id) AS permissions,
      (SELECT max(CASE r.data_scope WHEN 'all' THEN 3 WHEN 'department' THEN 2 ELSE 1 END)
         FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS scope_rank,
      (WITH RECURSIVE tree AS (
         SELECT d.id FROM departments d
          WHERE d.deleted_at IS NULL AND (d.id = u.department_id OR d.manager_id = u.id)
         UNION
         SELECT c.id FROM departments c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL
       ) SELECT array_agg(id) FROM tree) AS dept_ids`;

function toActor(row: ActorRow | undefined): Omit<Actor, 'via'> | null {
  if (!row?.active) return null;
  const rank = row.scope_rank ?? 1;
  const scope = (Object.keys(SCOPE_RANK) as DataScope[]).find((s) => SCOPE_RANK[s] === rank) ?? 'own';
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    departmentId: row.department_id,
    locale: (['zh-CN', 'zh-TW', 'en'].includes(row.locale) ? row.locale : 'zh-CN') as Locale,
    roles: row.roles ?? [],
    permissions: row.permissions ?? [],
    scope,
    visibleDeptIds: row.dept_ids ?? [],
  };
}

/** One round trip: user, roles, merged permissions, widest scope and the visible department subtree. */
export async function loadActor(db: Db, userId: string): Promise<Omit<Actor, 'via'> | null> {
  const { rows } = await sql<ActorRow>`SELECT ${ACTOR_COLUMNS} FROM users u WHERE u.id = ${userId}`.execute(db);
  return toActor(rows[0]);
}

export interface SessionActorRow {
  session_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
}

/**
 * The per-request lookup in one round trip: a session row (by the hash of its cookie) and its
 * user's actor (null for an inactive user). The caller still decides whether the session is live.
 */
export async function loadSessionActor(
  db: Db,
  sessionId: string,
): Promise<{ session: SessionActorRow; actor: Omit<Actor, 'via'> | null } | null> {
  const { rows } = await sql<ActorRow & SessionActorRow>`
    SELECT s.id AS session_id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, ${ACTOR_COLUMNS}
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${sessionId}`.execute(db);
  const row = rows[0];
  return row ? { session: row, actor: toActor(row) } : null;
}

export function can(actor: Actor, module: Module, action: Action): boolean {
  return hasPermission(actor.permissions, module, action);
}

export function assertCan(actor: Actor, module: Module, action: Action): void {
  if (!can(actor, module, action)) throw new AppError('FORBIDDEN');
}

export const isAdmin = (actor: Actor) => actor.permissions.includes('*');
