import type { ApprovalRequest, approvalList, approvalListQuery } from '@contracts/approvals.js';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, isAdmin } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { businessDate } from '../dates.js';
import { AppError } from '../http/errors.js';
import { approvalType } from './approval-registry.js';
import { actingFor } from './engine.js';
import { flowDefinitionOf } from './flows.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const labelOf = (type: string, actor: Actor) => approvalType(type)?.labels[actor.locale] ?? type;
const linkOf = (type: string, id: string) => approvalType(type)?.link(id) ?? '';

/** Has the caller been (or is he now, himself or as a delegate) an approver of this request? */
async function isApprover(db: Db, me: string[], requestId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('approval_tasks')
    .select('id')
    .where('request_id', '=', requestId)
    .where((eb) => eb.or([sql<SqlBool>`approver_ids && ${sql.val(me)}::uuid[]`, eb('acted_by', 'in', me)]))
    .executeTakeFirst();
  return hit !== undefined;
}

/**
 * An approver of a routed document may open it even outside his data scope (and nothing else of that
 * customer). Documents call this from their own read route when their scope check says no.
 */
export async function isApproverOfDocument(
  db: Db,
  actor: Actor,
  documentType: string,
  documentId: string,
  today: string,
): Promise<boolean> {
  const me = await actingFor(db, actor, today);
  const hit = await db
    .selectFrom('approval_tasks as t')
    .innerJoin('approval_requests as r', 'r.id', 't.request_id')
    .select('t.id')
    .where('r.document_type', '=', documentType)
    .where('r.document_id', '=', documentId)
    .where((eb) => eb.or([sql<SqlBool>`t.approver_ids && ${sql.val(me)}::uuid[]`, eb('t.acted_by', 'in', me)]))
    .executeTakeFirst();
  return hit !== undefined;
}

type RequestRef = { id: string; submitted_by: string; document_type: string; document_id: string };

/** Its submitter, an administrator, an approver (now or before, himself or for a delegator), or whoever may see the document. */
async function mayView(db: Db, actor: Actor, me: string[], r: RequestRef): Promise<boolean> {
  return (
    r.submitted_by === actor.userId ||
    isAdmin(actor) ||
    (await isApprover(db, me, r.id)) ||
    ((await approvalType(r.document_type)?.visible(db, actor, r.document_id)) ?? false)
  );
}

/** NOT_FOUND unless the caller may see the request (a request he may not see does not exist for him). */
export async function assertRequestVisible(db: Db, actor: Actor, requestId: string, now: Date, timeZone: string): Promise<void> {
  const r = await db
    .selectFrom('approval_requests')
    .select(['id', 'submitted_by', 'document_type', 'document_id'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r || !(await mayView(db, actor, await actingFor(db, actor, businessDate(now, timeZone)), r))) throw new AppError('NOT_FOUND');
}

/** One request with its steps, tasks and history, if the caller may see it. */
export async function requestDetail(
  db: Db,
  actor: Actor,
  requestId: string,
  now: Date,
  timeZone: string,
  /** What the caller knows already: whom the actor stands in for, and that he is an approver of it (he just decided). */
  known?: { actingAs: string[]; approver: true },
): Promise<ApprovalRequest> {
  const r = await db.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  const me = known?.actingAs ?? (await actingFor(db, actor, businessDate(now, timeZone)));
  if (!known?.approver && !(await mayView(db, actor, me, r))) throw new AppError('NOT_FOUND');
  const def = await flowDefinitionOf(db, r.flow_version_id);
  const tasks = await db.selectFrom('approval_tasks').selectAll().where('request_id', '=', r.id).orderBy('step').orderBy('slot').execute();
  const actions = await db.selectFrom('approval_actions').selectAll().where('request_id', '=', r.id).orderBy('seq').execute();
  const userIds = new Set<string>([
    r.submitted_by,
    ...tasks.flatMap((t) => [...t.approver_ids, ...(t.acted_by ? [t.acted_by] : [])]),
    ...actions.flatMap((a) => (a.actor_id ? [a.actor_id] : [])),
  ]);
  const users = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...userIds])
        .execute()
    ).map((u) => [u.id, u.display_name]),
  );
  const ref = (id: string | null) => (id ? { id, name: users.get(id) ?? '' } : null);
  const open = r.status === 'pending' ? tasks.filter((t) => t.step === r.current_step && t.status === 'pending') : [];
  const canDecide =
    open.some((t) => t.approver_ids.some((id) => me.includes(id))) && (r.submitted_by !== actor.userId || def.allowSelfApproval);
  return {
    id: r.id,
    documentType: r.document_type,
    documentId: r.document_id,
    documentLabel: labelOf(r.document_type, actor),
    title: r.title,
    link: r.link ?? linkOf(r.document_type, r.document_id),
    amount: r.amount,
    status: r.status,
    round: r.round,
    currentStep: r.status === 'pending' ? r.current_step : null,
    steps: def.steps.map((s, i) => ({ name: s.name, mode: s.mode, applies: r.applies[i] ?? false })),
    submitter: ref(r.submitted_by) as { id: string; name: string },
    submittedAt: r.submitted_at.toISOString(),
    finishedAt: iso(r.finished_at),
    tasks: tasks.map((t) => ({
      id: t.id,
      step: t.step,
      status: t.status,
      approvers: t.approver_ids.map((id) => ref(id) as { id: string; name: string }),
      viaFallback: t.via_fallback,
      actedBy: ref(t.acted_by),
      actedAt: iso(t.acted_at),
      comment: t.comment,
    })),
    history: actions.map((a) => ({
      id: a.id,
      kind: a.kind as ApprovalRequest['history'][number]['kind'],
      step: a.step,
      actor: ref(a.actor_id),
      comment: a.comment,
      at: a.created_at.toISOString(),
    })),
    can: {
      approve: canDecide,
      reject: canDecide,
      withdraw: r.status === 'pending' && r.submitted_by === actor.userId,
      reassign: r.status === 'pending' && isAdmin(actor),
    },
  };
}

/** The newest request of a document (its approval panel), or null when it was never submitted. */
export async function latestRequestOf(db: Db, documentType: string, documentId: string): Promise<string | null> {
  const r = await db
    .selectFrom('approval_requests')
    .select('id')
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .orderBy('round', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? null;
}

type ListQuery = z.infer<typeof approvalListQuery>;
type List = z.infer<typeof approvalList>;

/** 待我审批 (todo), 我发起的 (submitted), 我已审批 (done). */
export async function approvalBox(db: Db, actor: Actor, q: ListQuery, now: Date, timeZone: string): Promise<List> {
  const me = await actingFor(db, actor, businessDate(now, timeZone));
  const mine = sql<SqlBool>`t.approver_ids && ${sql.val(me)}::uuid[]`;
  const todo = sql<SqlBool>`r.status = 'pending' AND EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = r.id AND t.status = 'pending' AND ${mine})`;
  const filter = [
    q.box === 'todo'
      ? todo
      : q.box === 'submitted'
        ? sql<SqlBool>`r.submitted_by = ${actor.userId}`
        : sql<SqlBool>`EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = r.id AND t.acted_by = ${actor.userId})`,
    ...(q.documentType ? [sql<SqlBool>`r.document_type = ${q.documentType}`] : []),
    ...(q.status ? [sql<SqlBool>`r.status = ${q.status}`] : []),
  ];
  const where = sql<SqlBool>`${sql.join(filter, sql` AND `)}`;
  const order = q.box === 'todo' ? sql`r.step_started_at DESC, r.id` : sql`r.submitted_at DESC, r.id`;
  const { rows } = await sql<{
    id: string;
    document_type: string;
    document_id: string;
    title: string;
    link: string | null;
    amount: string | null;
    status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
    step_name: string | null;
    submitted_by: string;
    submitter_name: string;
    submitted_at: Date;
    finished_at: Date | null;
    step_started_at: Date;
  }>`
    SELECT r.id, r.document_type, r.document_id, r.title, r.link, r.amount::text AS amount, r.status,
           CASE WHEN r.status = 'pending' THEN v.definition -> 'steps' -> r.current_step ->> 'name' END AS step_name,
           r.submitted_by, u.display_name AS submitter_name, r.submitted_at, r.finished_at, r.step_started_at
      FROM approval_requests r
      JOIN approval_flow_versions v ON v.id = r.flow_version_id
      JOIN users u ON u.id = r.submitted_by
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  const count = async (w: RawBuilder<SqlBool>) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM approval_requests r WHERE ${w}`.execute(db)).rows[0].n);
  const total = await count(where);
  const todoCount = q.box === 'todo' && !q.documentType && !q.status ? total : await count(todo);
  return {
    items: rows.map((r) => ({
      id: r.id,
      documentType: r.document_type,
      documentLabel: labelOf(r.document_type, actor),
      title: r.title,
      link: r.link ?? linkOf(r.document_type, r.document_id),
      amount: r.amount,
      status: r.status,
      stepName: r.step_name,
      submitter: { id: r.submitted_by, name: r.submitter_name },
      submittedAt: r.submitted_at.toISOString(),
      finishedAt: iso(r.finished_at),
      waitingSince: r.status === 'pending' ? r.step_started_at.toISOString() : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    todoCount,
  };
}
