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

/**
 * One round trip: user, roles, merged permissions, widest scope and the visible department subtree,
 * from the SQL function actor_of (migration 0023), which keeps its plan per connection.
 */
export async function loadActor(db: Db, userId: string): Promise<Omit<Actor, 'via'> | null> {
  const { rows } = await sql<ActorRow>`SELECT * FROM actor_of(${userId}::uuid)`.execute(db);
  return toActor(rows[0]);
}

export interface SessionActorRow {
  session_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  /** A role of the user requires TOTP and he has not turned it on (migration 0063). */
  totp_pending: boolean;
}

/**
 * The per-request lookup in one round trip: a session row (by the hash of its cookie) and its
 * user's actor (null for an inactive user), from the SQL function session_actor (migration 0023).
 * The caller still decides whether the session is live.
 */
export async function loadSessionActor(
  db: Db,
  sessionId: string,
): Promise<{ session: SessionActorRow; actor: Omit<Actor, 'via'> | null } | null> {
  const { rows } = await sql<ActorRow & SessionActorRow>`SELECT * FROM session_actor(${sessionId})`.execute(db);
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
