import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { AppError, fieldError } from '../http/errors.js';

/** The caller's delegations that have not been revoked, newest first. */
export async function delegations(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('approval_delegations as d')
    .innerJoin('users as u', 'u.id', 'd.delegate_id')
    .select(['d.id', 'd.delegate_id', 'u.display_name', 'd.starts_on', 'd.ends_on', 'd.created_at'])
    .where('d.user_id', '=', actor.userId)
    .where('d.revoked_at', 'is', null)
    .orderBy('d.starts_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    delegate: { id: r.delegate_id, name: r.display_name },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    createdAt: r.created_at.toISOString(),
  }));
}

/** While away, a colleague approves in my place (my pending tasks show in his 待我审批). */
export async function startDelegation(db: Db, actor: Actor, d: { delegateId: string; startsOn: string; endsOn: string }) {
  const delegate = await db.selectFrom('users').select('active').where('id', '=', d.delegateId).executeTakeFirst();
  if (!delegate?.active) throw fieldError('delegateId', 'reference');
  await db
    .insertInto('approval_delegations')
    .values({ user_id: actor.userId, delegate_id: d.delegateId, starts_on: d.startsOn, ends_on: d.endsOn })
    .execute();
}

export async function revokeDelegation(db: Db, actor: Actor, id: string, now: Date) {
  const res = await db
    .updateTable('approval_delegations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
}
