import type { createTaskBody, taskListQuery, updateTaskBody } from '@contracts/tasks.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { taskEntity } from './task-entity.js';
import type { TaskTable } from './task-table.js';

export type TaskRow = Selectable<TaskTable>;
type Body = Partial<Omit<z.infer<typeof createTaskBody>, 'ownerId'>>;

const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);
const OPEN = ['open', 'in_progress'];

function columns(b: Body): Record<string, unknown> {
  const map: Record<string, unknown> = {
    title: b.title,
    description: b.description,
    due_at: b.dueAt,
    priority: b.priority,
    status: b.status,
    remind_at: b.remindAt,
    customer_id: b.customerId,
    contact_id: b.contactId,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

async function tasksToApi(db: Db, rows: TaskRow[], now: Date) {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const names = await titlesById(
    db,
    'customers',
    rows.map((r) => r.customer_id),
  );
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
    title: r.title,
    description: r.description,
    dueAt: iso(r.due_at),
    priority: r.priority,
    status: r.status,
    remindAt: iso(r.remind_at),
    completedAt: iso(r.completed_at),
    customerId: r.customer_id,
    customerName: r.customer_id ? (names.get(r.customer_id) ?? null) : null,
    contactId: r.contact_id,
    overdue: OPEN.includes(r.status) && !!r.due_at && new Date(r.due_at).getTime() < now.getTime(),
  }));
}

const SORTABLE: Record<string, string> = { dueAt: 'due_at', createdAt: 'created_at', priority: 'priority_rank', title: 'title' };

export async function listTasks(db: Db, actor: Actor, clock: Clock, q: z.infer<typeof taskListQuery>) {
  let f = db.selectFrom('tasks').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.status?.length) f = f.where('status', 'in', q.status);
  if (q.priority?.length) f = f.where('priority', 'in', q.priority);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.dueFrom) f = f.where('due_at', '>=', new Date(q.dueFrom));
  if (q.dueTo) f = f.where('due_at', '<', new Date(q.dueTo));
  if (q.overdue === 'true') f = f.where('status', 'in', OPEN as TaskRow['status'][]).where('due_at', '<', clock.now());
  if (q.q) f = f.where('title', 'ilike', likePattern(q.q));
  const page = await runList<TaskRow>(f, q, SORTABLE, 'dueAt', (x) => x.selectAll());
  return { ...page, items: await tasksToApi(db, page.items, clock.now()) };
}

async function checkLinks(trx: Db, actor: Actor, b: Body) {
  if (b.customerId) {
    await findVisible(trx, actor, customerEntity, b.customerId).catch(() => {
      throw new AppError('VALIDATION', { fields: { customerId: { key: 'reference' } } });
    });
  }
  if (b.contactId) {
    let q = trx.selectFrom('contacts').select('id').where('id', '=', b.contactId).where('deleted_at', 'is', null);
    if (b.customerId) q = q.where('customer_id', '=', b.customerId);
    if (!(await q.executeTakeFirst())) throw new AppError('VALIDATION', { fields: { contactId: { key: 'reference' } } });
  }
}

/** Completion time is the system's to set, so "done late" stays honest. */
function completion(status: string | undefined, before: TaskRow | null, now: Date): Record<string, unknown> {
  if (status === undefined) return {};
  if (status === 'done' && before?.status !== 'done') return { completed_at: now };
  if (status !== 'done') return { completed_at: null };
  return {};
}

export async function createTask(trx: Db, actor: Actor, clock: Clock, b: z.infer<typeof createTaskBody>) {
  await checkLinks(trx, actor, b);
  const { ownerId, ...rest } = b;
  const row = await insertRecord(
    trx,
    actor,
    taskEntity,
    { ...columns(rest), ...completion(b.status, null, clock.now()) },
    ownerId ?? actor.userId,
  );
  return row.id as string;
}

export async function getTask(db: Db, actor: Actor, clock: Clock, id: string) {
  const row = (await findVisible(db, actor, taskEntity, id)) as unknown as TaskRow;
  return (await tasksToApi(db, [row], clock.now()))[0];
}

export async function updateTask(trx: Db, actor: Actor, clock: Clock, id: string, body: z.infer<typeof updateTaskBody>) {
  const { version, ownerId, ...b } = body;
  const before = (await findVisible(trx, actor, taskEntity, id)) as unknown as TaskRow;
  await checkLinks(trx, actor, { ...b, customerId: b.customerId === undefined ? before.customer_id : b.customerId });
  const patch = { ...columns(b), ...completion(b.status, before, clock.now()), ...(ownerId ? { owner_id: ownerId } : {}) };
  const after = await updateRecord(
    trx,
    actor,
    taskEntity,
    id,
    version,
    patch,
    async (row) => (await tasksToApi(trx, [row as unknown as TaskRow], clock.now()))[0],
  );
  return (await tasksToApi(trx, [after as unknown as TaskRow], clock.now()))[0];
}

export const deleteTask = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, taskEntity, id);

/** Open tasks whose reminder time has come and that have not been reminded for that time yet. */
export async function dueReminders(trx: Db, now: Date) {
  const { rows } = await sql<{ id: string; owner_id: string; title: string; due_at: Date | null; remind_at: Date; locale: string }>`
    SELECT t.id, t.owner_id, t.title, t.due_at, t.remind_at, u.locale FROM tasks t JOIN users u ON u.id = t.owner_id
     WHERE t.deleted_at IS NULL AND t.status IN ('open', 'in_progress') AND t.remind_at IS NOT NULL AND t.remind_at <= ${now}
       AND t.remind_at > ${new Date(now.getTime() - 7 * 86_400_000)}`.execute(trx);
  return rows;
}
