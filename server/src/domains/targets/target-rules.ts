import { isCountTarget, type TargetType } from '@contracts/targets.js';
import { type Actor, can, isAdmin } from '../../platform/access/actor.js';
import { scopeCovers } from '../../platform/access/data-scope.js';
import { AppError, fieldError } from '../../platform/http/errors.js';

/**
 * Locked once its year has begun (company time zone), unless an administrator reopened it (or it was
 * first set after the year began: it starts open, reopened_by empty, until an administrator locks it).
 */
export const isLocked = (year: number, reopenedAt: Date | null, today: string) => reopenedAt === null && today >= `${year}-01-01`;

export function assertUnlocked(year: number, reopenedAt: Date | null, today: string): void {
  if (isLocked(year, reopenedAt, today)) throw new AppError('TARGET_LOCKED');
}

/** A department's target is the business of whoever sees that department; the company's, of the company-wide roles. */
export function assertMayTarget(actor: Actor, departmentId: string | null): void {
  if (departmentId === null) {
    if (actor.scope !== 'all') throw fieldError('departmentId', 'target_company_scope');
    return;
  }
  if (!scopeCovers(actor, { ownerId: '', ownerDeptId: departmentId })) throw new AppError('NOT_FOUND');
}

/** Reopening a locked target is the administrator's (targets:approve). */
export const mayReopen = (actor: Actor) => isAdmin(actor) || can(actor, 'targets', 'approve');

/** New customers are whole numbers. */
export function assertWholeUnits(type: TargetType, field: string, amount: string): void {
  if (isCountTarget(type) && !/\.0+$|^\d+$/.test(amount)) throw fieldError(field, 'target_whole_units');
}
