import type { Approver, FlowDefinition } from '@contracts/approvals.js';
import type { Db } from '../db/database.js';

/**
 * A user's manager: the manager of his department, or — when he manages it himself or it has none —
 * of the nearest department above that has one. Null at the top of the tree.
 */
export async function managerOf(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await db.selectFrom('users').select('department_id').where('id', '=', userId).executeTakeFirst();
  let deptId = user?.department_id ?? null;
  for (let hops = 0; deptId && hops < 50; hops++) {
    const dept = await db.selectFrom('departments').select(['manager_id', 'parent_id']).where('id', '=', deptId).executeTakeFirst();
    if (!dept) return null;
    if (dept.manager_id && dept.manager_id !== userId) return dept.manager_id;
    deptId = dept.parent_id;
  }
  return null;
}

/** Who stands in for whom today: a user away with an active delegation is replaced by his delegate. */
export async function delegatesOn(db: Db, userIds: readonly string[], today: string): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('approval_delegations')
    .select(['user_id', 'delegate_id'])
    .where('user_id', 'in', [...userIds])
    .where('revoked_at', 'is', null)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .orderBy('created_at', 'desc')
    .execute();
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.user_id)) map.set(r.user_id, r.delegate_id);
  return map;
}

/** The users one approver entry names, before the active check, delegation and the self rule. */
async function candidates(db: Db, approver: Approver, submitterId: string, ownerId: string | null): Promise<string[]> {
  switch (approver.kind) {
    case 'user':
      return [approver.userId];
    case 'role': {
      const rows = await db
        .selectFrom('user_roles')
        .innerJoin('roles', 'roles.id', 'user_roles.role_id')
        .select('user_roles.user_id')
        .where('roles.key', '=', approver.roleKey)
        .execute();
      return rows.map((r) => r.user_id);
    }
    case 'submitter_manager': {
      const m = await managerOf(db, submitterId);
      return m ? [m] : [];
    }
    case 'manager_of_manager': {
      const m = await managerOf(db, await managerOf(db, submitterId));
      return m ? [m] : [];
    }
    case 'owner_manager': {
      const m = await managerOf(db, ownerId ?? submitterId);
      return m ? [m] : [];
    }
  }
}

export interface ResolvedSlot {
  approverIds: string[];
  viaFallback: boolean;
}

/**
 * The users who may act on one approver entry: active ones, each replaced by his delegate while
 * away, the submitter left out unless the flow allows self-approval. When nobody is left, the flow's
 * fallback approver stands in — a step never passes silently. Null when even he cannot act.
 */
export async function resolveSlot(
  db: Db,
  flow: FlowDefinition,
  approver: Approver,
  who: { submitterId: string; ownerId: string | null; today: string },
): Promise<ResolvedSlot | null> {
  const named = await candidates(db, approver, who.submitterId, who.ownerId);
  const active = await activeUsers(db, named);
  const delegates = await delegatesOn(db, active, who.today);
  const activeDelegates = new Set(await activeUsers(db, [...delegates.values()]));
  let ids = [
    ...new Set(
      active.map((id) => (delegates.has(id) && activeDelegates.has(delegates.get(id) as string) ? (delegates.get(id) as string) : id)),
    ),
  ];
  if (!flow.allowSelfApproval) ids = ids.filter((id) => id !== who.submitterId);
  if (ids.length > 0) return { approverIds: ids.sort(), viaFallback: false };
  const fallback = await activeUsers(db, [flow.fallbackUserId]);
  return fallback.length > 0 ? { approverIds: fallback, viaFallback: true } : null;
}

async function activeUsers(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}
