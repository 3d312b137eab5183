import type { FlowDefinition } from '@contracts/approvals.js';
import { sql } from 'kysely';
import { type Actor, isAdmin } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { businessDate } from '../dates.js';
import { AppError } from '../http/errors.js';
import { type ApprovalEvent, approvalType } from './approval-registry.js';
import type { ApprovalRequestTable } from './approval-tables.js';
import { conditionHolds } from './conditions.js';
import { currentFlow, flowDefinitionOf } from './flows.js';
import { notifyApprovers, notifySubmitter } from './approval-notifications.js';
import { delegatesOn, resolveSlot } from './resolve-approvers.js';

export interface EngineEnv {
  now: Date;
  timeZone: string;
}

type RequestRow = Omit<ApprovalRequestTable, 'id' | 'submitted_at' | 'step_started_at' | 'finished_at' | 'facts'> & {
  id: string;
  facts: Record<string, string | number | null>;
};

async function log(
  trx: Db,
  r: Pick<RequestRow, 'id' | 'document_type' | 'document_id' | 'customer_id'>,
  kind: string,
  step: number | null,
  actorId: string | null,
  comment: string | null,
  now: Date,
) {
  await trx
    .insertInto('approval_actions')
    .values({
      request_id: r.id,
      document_type: r.document_type,
      document_id: r.document_id,
      customer_id: r.customer_id,
      kind,
      step,
      actor_id: actorId,
      comment,
      created_at: now,
    })
    .execute();
}

/**
 * Submits a document: call it in the document's own transaction, after its own checks and with its
 * row locked. Returns the request, or null when no step of the flow applies (approved at once).
 */
export async function submitForApproval(
  trx: Db,
  actor: Actor,
  documentType: string,
  documentId: string,
  env: EngineEnv,
): Promise<{ requestId: string; status: 'pending' | 'approved' }> {
  const type = approvalType(documentType);
  if (!type) throw new Error(`No approval type '${documentType}' is registered`);
  const subject = await type.load(trx, documentId);
  if (!subject) throw new AppError('NOT_FOUND');
  const flow = await currentFlow(trx, documentType);
  if (!flow) throw new AppError('APPROVAL_NO_FLOW', { params: { type: type.labels } });
  const pending = await trx
    .selectFrom('approval_requests')
    .select('id')
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw new AppError('APPROVAL_PENDING');

  const def = flow.definition;
  const applies = def.steps.map((s) => conditionHolds(s.condition, subject.facts));
  // After a rejection the flow says where the new round starts: at the first step, or at the one that rejected.
  const previous = await trx
    .selectFrom('approval_requests')
    .select(['id', 'status', 'round', 'current_step'])
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();
  const round = (previous?.round ?? 0) + 1;
  const resumeAt = def.restartFrom === 'rejected_step' && previous?.status === 'rejected' ? (previous.current_step ?? 0) : 0;
  const first = nextApplicable(applies, resumeAt - 1);

  const request = await trx
    .insertInto('approval_requests')
    .values({
      document_type: documentType,
      document_id: documentId,
      flow_version_id: flow.id,
      status: 'pending',
      round,
      current_step: first,
      applies,
      facts: JSON.stringify(subject.facts),
      title: subject.title,
      link: subject.link ?? null,
      amount: subject.amount,
      customer_id: subject.customerId,
      submitted_by: actor.userId,
      owner_id: subject.ownerId,
      submitted_at: env.now,
      step_started_at: env.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row: RequestRow = { ...(await loadRequest(trx, request.id)) };
  await log(trx, row, 'submit', null, actor.userId, null, env.now);
  if (first === null) {
    await finishApproved(trx, actor, row, env);
    return { requestId: row.id, status: 'approved' };
  }
  await openStep(trx, row, def, first, env);
  return { requestId: row.id, status: 'pending' };
}

function nextApplicable(applies: boolean[], after: number): number | null {
  for (let i = after + 1; i < applies.length; i++) if (applies[i]) return i;
  return null;
}

async function loadRequest(trx: Db, id: string, lock = false): Promise<RequestRow> {
  let q = trx.selectFrom('approval_requests').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return r as unknown as RequestRow;
}

const flowOf = (trx: Db, r: RequestRow): Promise<FlowDefinition> => flowDefinitionOf(trx, r.flow_version_id);

/** Creates the step's tasks, one per approver entry, each resolved now (managers change; delegations start). */
async function openStep(trx: Db, r: RequestRow, def: FlowDefinition, step: number, env: EngineEnv) {
  const today = businessDate(env.now, env.timeZone);
  const slots = [];
  for (const [slot, approver] of def.steps[step].approvers.entries()) {
    const resolved = await resolveSlot(trx, def, approver, { submitterId: r.submitted_by, ownerId: r.owner_id, today });
    if (!resolved) throw new AppError('APPROVAL_NO_APPROVER', { params: { step: def.steps[step].name } });
    slots.push({ slot, ...resolved });
  }
  // An 'any' step with the same person in two entries still needs him once; 'all' keeps every entry.
  await trx
    .insertInto('approval_tasks')
    .values(
      slots.map((s) => ({
        request_id: r.id,
        step,
        slot: s.slot,
        status: 'pending' as const,
        approver_ids: s.approverIds,
        via_fallback: s.viaFallback,
      })),
    )
    .execute();
  await trx.updateTable('approval_requests').set({ current_step: step, step_started_at: env.now }).where('id', '=', r.id).execute();
  for (const s of slots) if (s.viaFallback) await log(trx, r, 'fallback', step, null, null, env.now);
  await notifyApprovers(trx, r, def.steps[step].name, [...new Set(slots.flatMap((s) => s.approverIds))]);
}

async function finishApproved(trx: Db, actor: Actor, r: RequestRow, env: EngineEnv) {
  await trx.updateTable('approval_requests').set({ status: 'approved', finished_at: env.now }).where('id', '=', r.id).execute();
  await log(trx, r, 'approved', null, null, null, env.now);
  await approvalType(r.document_type)?.onApproved(event(trx, actor, r, null, env));
  await notifySubmitter(trx, r, 'approved', null);
}

const event = (trx: Db, actor: Actor, r: RequestRow, comment: string | null, env: EngineEnv): ApprovalEvent => ({
  trx,
  actor,
  documentId: r.document_id,
  requestId: r.id,
  comment,
  now: env.now,
});

/** The users the actor stands in for today (his delegators), himself included. */
export async function actingFor(db: Db, actor: Actor, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('approval_delegations')
    .select('user_id')
    .where('delegate_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .execute();
  return [actor.userId, ...rows.map((r) => r.user_id)];
}

export type Decision = 'approve' | 'reject';

/**
 * Approve or reject the caller's task in the current step. The request row is locked first, so of two
 * approvers of an 'any' step pressing at once one counts and the other gets 409, and a withdraw racing
 * an approval leaves one consistent outcome.
 */
export async function decide(
  trx: Db,
  actor: Actor,
  requestId: string,
  decision: Decision,
  comment: string | null,
  env: EngineEnv,
  /** Whom the actor stands in for today (actingFor), when the caller has read it already. */
  actingAs?: string[],
): Promise<void> {
  const r = await loadRequest(trx, requestId, true);
  const me = actingAs ?? (await actingFor(trx, actor, businessDate(env.now, env.timeZone)));
  const tasks = await trx
    .selectFrom('approval_tasks')
    .selectAll()
    .where('request_id', '=', r.id)
    .where('step', '=', r.current_step ?? -1)
    .execute();
  const mine = tasks.filter((t) => t.approver_ids.some((id) => me.includes(id)));
  if (r.status !== 'pending') throw new AppError('APPROVAL_DONE');
  if (mine.length === 0) {
    const everMine = await trx
      .selectFrom('approval_tasks')
      .select('id')
      .where('request_id', '=', r.id)
      .where(sql<boolean>`approver_ids && ${sql.val(me)}::uuid[]`)
      .executeTakeFirst();
    throw new AppError(everMine ? 'APPROVAL_DONE' : 'FORBIDDEN');
  }
  // One person may stand in several entries of a step (finance and legal both his roles): his
  // decision answers all of them.
  const own = mine.filter((t) => t.status === 'pending');
  if (own.length === 0) throw new AppError('APPROVAL_DONE');
  const def = await flowOf(trx, r);
  if (r.submitted_by === actor.userId && !def.allowSelfApproval) throw new AppError('APPROVAL_SELF');
  const step = r.current_step as number;

  await trx
    .updateTable('approval_tasks')
    .set({ status: decision === 'approve' ? 'approved' : 'rejected', acted_by: actor.userId, acted_at: env.now, comment })
    .where(
      'id',
      'in',
      own.map((t) => t.id),
    )
    .execute();
  await log(trx, r, decision, step, actor.userId, comment, env.now);

  if (decision === 'reject') {
    await cancelOpenTasks(trx, r.id);
    await trx.updateTable('approval_requests').set({ status: 'rejected', finished_at: env.now }).where('id', '=', r.id).execute();
    await approvalType(r.document_type)?.onRejected(event(trx, actor, r, comment, env));
    await notifySubmitter(trx, r, 'rejected', comment);
    return;
  }
  const stillOpen = tasks.filter((t) => t.status === 'pending' && !own.some((o) => o.id === t.id));
  const stepDone = def.steps[step].mode === 'any' || stillOpen.length === 0;
  if (!stepDone) return;
  // Pending tasks only ever belong to the current step (a step's leftovers are cancelled when it
  // passes), so with none left in it there is nothing to cancel: one statement less per approval.
  if (stillOpen.length > 0) await cancelOpenTasks(trx, r.id);
  const next = nextApplicable(r.applies, step);
  if (next === null) await finishApproved(trx, actor, r, env);
  else await openStep(trx, r, def, next, env);
}

async function cancelOpenTasks(trx: Db, requestId: string) {
  await trx
    .updateTable('approval_tasks')
    .set({ status: 'cancelled' })
    .where('request_id', '=', requestId)
    .where('status', '=', 'pending')
    .execute();
}

/** The submitter takes his document back before the flow ends; it returns to draft. */
export async function withdraw(trx: Db, actor: Actor, requestId: string, comment: string | null, env: EngineEnv): Promise<void> {
  const r = await loadRequest(trx, requestId, true);
  if (r.submitted_by !== actor.userId) throw new AppError('FORBIDDEN');
  if (r.status !== 'pending') throw new AppError('APPROVAL_DONE');
  await cancelOpenTasks(trx, r.id);
  await trx.updateTable('approval_requests').set({ status: 'withdrawn', finished_at: env.now }).where('id', '=', r.id).execute();
  await log(trx, r, 'withdraw', r.current_step, actor.userId, comment, env.now);
  await approvalType(r.document_type)?.onWithdrawn(event(trx, actor, r, comment, env));
}

/** A remark in the document's approval history (no decision). */
export async function addComment(trx: Db, actor: Actor, requestId: string, comment: string, env: EngineEnv): Promise<void> {
  const r = await loadRequest(trx, requestId);
  await log(trx, r, 'comment', r.current_step, actor.userId, comment, env.now);
}

/** An administrator hands a pending task to someone else (an approver left, or is overloaded). */
export async function reassign(
  trx: Db,
  actor: Actor,
  requestId: string,
  taskId: string,
  userId: string,
  comment: string | null,
  env: EngineEnv,
): Promise<void> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN');
  const r = await loadRequest(trx, requestId, true);
  if (r.status !== 'pending') throw new AppError('APPROVAL_DONE');
  const user = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!user?.active) throw new AppError('VALIDATION', { fields: { userId: { key: 'reference' } } });
  const res = await trx
    .updateTable('approval_tasks')
    .set({ approver_ids: [userId], via_fallback: false })
    .where('id', '=', taskId)
    .where('request_id', '=', r.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('APPROVAL_DONE');
  await log(trx, r, 'reassign', r.current_step, actor.userId, comment, env.now);
  const def = await flowOf(trx, r);
  await notifyApprovers(trx, r, def.steps[r.current_step ?? 0]?.name ?? '', [userId]);
}

/** The delegates in force today, for a list of approvers (who sees 待我审批 on their behalf). */
export { delegatesOn };
