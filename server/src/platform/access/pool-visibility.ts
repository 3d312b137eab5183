import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import type { MessageKey } from '../i18n/messages.js';
import { type Actor, isAdmin } from './actor.js';
import { scopeCovers } from './data-scope.js';
import { departmentAncestry } from './department-subtree.js';

/**
 * The public pools (公海) are open to the reps of the departments the admin configured, with
 * their sub-departments, so the 华东 pool is not raided by 华南. No departments configured means
 * the pool is open to everyone who may see the records; the admin and company-wide roles always see it.
 */
async function seesPool(db: Db, actor: Actor, departmentIds: readonly string[]): Promise<boolean> {
  if (departmentIds.length === 0 || isAdmin(actor) || actor.scope === 'all' || actor.via === 'system') return true;
  if (!actor.departmentId) return false;
  const { rows } = await sql<{ ok: boolean }>`
    SELECT ${departmentAncestry(actor.departmentId)} && ${sql.val([...departmentIds])}::uuid[] AS ok`.execute(db);
  return rows[0]?.ok === true;
}

export async function assertSeesPool(db: Db, actor: Actor, departmentIds: readonly string[]): Promise<void> {
  if (!(await seesPool(db, actor, departmentIds))) throw new AppError('POOL_NOT_YOURS');
}

/**
 * Before claiming one record from a pool: a record the caller may not see — owned outside his scope,
 * or waiting in a pool not open to him — answers 404 like an id that exists nowhere, so a claim never
 * tells that a record exists (P6). One he may see that is not in the pool answers `notInPool` (409).
 */
export async function assertClaimable(
  db: Db,
  actor: Actor,
  record: { owner_id: string | null; owner_dept_id: string | null; inPool: boolean },
  departmentIds: readonly string[],
  notInPool: MessageKey,
): Promise<void> {
  if (record.owner_id !== null) {
    if (!scopeCovers(actor, { ownerId: record.owner_id, ownerDeptId: record.owner_dept_id })) throw new AppError('NOT_FOUND');
    throw new AppError(notInPool);
  }
  if (!(await seesPool(db, actor, departmentIds))) throw new AppError('NOT_FOUND');
  if (!record.inPool) throw new AppError(notInPool);
}
