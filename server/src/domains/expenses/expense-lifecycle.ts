import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { withdraw } from '../../platform/approvals/engine.js';
import { latestRequestOf, submitForApproval } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible } from '../../platform/records/record-store.js';
import { expenseEntity } from './expense-entity.js';
import { assertStatus } from './expense-rules.js';
import type { Env, ExpenseDbRow } from './expense-service.js';
import type { ExpenseStatus } from './expense-table.js';

/**
 * A change of status with history and a new version. Approval hooks run as the approver, who may not
 * have the claim in his scope, so this writes directly.
 */
export async function setExpenseStatus(
  trx: Db,
  actor: Actor,
  e: { id: string; status: ExpenseStatus },
  patch: { status: ExpenseStatus } & Record<string, unknown>,
) {
  await trx
    .updateTable('expenses')
    .set({ ...patch, version: sql`version + 1`, updated_by: actor.via === 'system' ? null : actor.userId, updated_at: sql`now()` })
    .where('id', '=', e.id)
    .execute();
  const changes: { field: string; old: unknown; new: unknown }[] = [{ field: 'status', old: e.status, new: patch.status }];
  if (typeof patch.reject_reason === 'string') changes.push({ field: 'reject_reason', old: null, new: patch.reject_reason });
  await writeHistory(trx, actor, { entity: 'expense', recordId: e.id, action: 'update', changes });
}

async function lockExpense(trx: Db, actor: Actor, id: string, version: number): Promise<ExpenseDbRow> {
  const e = (await findVisible(trx, actor, expenseEntity, id, { forUpdate: true })) as unknown as ExpenseDbRow;
  if (e.version !== version) throw new AppError('VERSION_CONFLICT');
  return e;
}

/** M4: a draft (or a rejected claim, corrected) goes to the submitter's manager; locked meanwhile. */
export async function submitExpense(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const e = await lockExpense(trx, actor, id, version);
  assertStatus(e, ['draft', 'rejected']);
  const now = env.clock.now();
  await setExpenseStatus(trx, actor, e, { status: 'in_approval', submitted_at: now, rejected_at: null, reject_reason: null });
  await submitForApproval(trx, actor, 'expense', id, { now, timeZone: env.timeZone });
}

/** The submitter takes a claim in approval back; it returns to draft (the engine's withdraw, by the claim). */
export async function withdrawExpense(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const e = await lockExpense(trx, actor, id, version);
  assertStatus(e, ['in_approval']);
  const requestId = await latestRequestOf(trx, 'expense', id);
  if (!requestId) throw new AppError('NOT_FOUND');
  await withdraw(trx, actor, requestId, null, { now: env.clock.now(), timeZone: env.timeZone });
}
