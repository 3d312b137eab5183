import type { Actor } from '../../platform/access/actor.js';
import { isAdmin } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import './quote-table.js';

/** Shipped limits until the admin sets his own (seed 002: a rep discounts a little, his manager more). */
export const DEFAULT_DISCOUNT_LIMITS: Record<string, string> = {
  admin: '100.00',
  director: '30.00',
  manager: '20.00',
  rep: '10.00',
};

/** Every role with the limit in force for it. */
export async function discountLimits(db: Db) {
  const rows = await db
    .selectFrom('roles')
    .leftJoin('quote_discount_limits as l', 'l.role_id', 'roles.id')
    .select(['roles.id', 'roles.key', 'roles.name', 'l.max_discount'])
    .orderBy('roles.built_in', 'desc')
    .orderBy('roles.name')
    .execute();
  return rows.map((r) => ({
    roleId: r.id,
    roleKey: r.key,
    roleName: r.name,
    maxDiscount: r.max_discount ?? DEFAULT_DISCOUNT_LIMITS[r.key] ?? '0.00',
  }));
}

/** A user's limit: the largest of his roles' (the administrator may give any discount). */
export async function discountLimitOf(db: Db, userId: string, actor?: Actor): Promise<string> {
  if (actor && isAdmin(actor)) return '100.00';
  const rows = await db
    .selectFrom('user_roles as ur')
    .innerJoin('roles', 'roles.id', 'ur.role_id')
    .leftJoin('quote_discount_limits as l', 'l.role_id', 'roles.id')
    .select(['roles.key', 'l.max_discount'])
    .where('ur.user_id', '=', userId)
    .execute();
  const limits = rows.map((r) => r.max_discount ?? DEFAULT_DISCOUNT_LIMITS[r.key] ?? '0.00');
  return limits.reduce((max, l) => (Number(l) > Number(max) ? l : max), '0.00');
}

export async function saveDiscountLimits(trx: Db, actor: Actor, limits: { roleId: string; maxDiscount: string }[]) {
  for (const l of limits) {
    await trx
      .insertInto('quote_discount_limits')
      .values({ role_id: l.roleId, max_discount: l.maxDiscount, updated_by: actor.userId })
      .onConflict((oc) =>
        oc.column('role_id').doUpdateSet({ max_discount: l.maxDiscount, updated_by: actor.userId, updated_at: new Date() }),
      )
      .execute();
  }
}
