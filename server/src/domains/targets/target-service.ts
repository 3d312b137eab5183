import {
  type CreateTargetBody,
  type GridRow,
  PRODUCT_TARGET_TYPES,
  type SplitMethod,
  type Target,
  type TargetCell,
  type TargetDetail,
  type TargetType,
} from '@contracts/targets.js';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { targetListQuery, updateTargetBody } from '@contracts/targets.js';
import { type Actor, actorUserId, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Clock } from '../../platform/clock.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { sumMoney } from '../../platform/money.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible, softDeleteRecord } from '../../platform/records/record-store.js';
import { targetEntity } from './target-entity.js';
import { childTargets, gridRows, parentAllocation } from './target-grid.js';
import { compareMoney, subtractMoney } from './target-split.js';
import { assertMayTarget, assertUnlocked, assertWholeUnits, isLocked, mayReopen } from './target-rules.js';
import type { TargetTable } from './target-table.js';

/** What makes a target one of a kind: type, year, department and dimension. */
export type TargetKey = 'type' | 'year' | 'department_id' | 'dimension' | 'dimension_value';

export interface Env {
  clock: Clock;
  timeZone: string;
}
type Row = Selectable<TargetTable>;

const TYPE_TITLE: Record<TargetType, string> = {
  signed_amount: '签约金额',
  gross_margin: '毛利',
  collections: '回款',
  new_customers: '新客户数',
  won_opportunities: '赢单金额',
};
const today = (env: Env) => businessDate(env.clock.now(), env.timeZone);
const cellKey = (c: { userId: string | null; departmentId: string | null }) => c.userId ?? `d:${c.departmentId}`;

async function departmentName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const d = await db.selectFrom('departments').select('name').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!d) throw fieldError('departmentId', 'reference');
  return d.name;
}

/** The category's name or the region; a category must exist and split only signed amounts. */
async function dimensionLabel(db: Db, type: TargetType, dimension: string | null, value: string | null): Promise<string | null> {
  if (dimension === null && value === null) return null;
  if (dimension === null) throw fieldError('dimension', 'required');
  if (!value) throw fieldError('dimensionValue', 'required');
  if (dimension === 'region') return value;
  if (!PRODUCT_TARGET_TYPES.includes(type)) throw fieldError('dimension', 'target_dimension_type');
  const c = /^[0-9a-f-]{36}$/i.test(value)
    ? await db.selectFrom('product_categories').select('name').where('id', '=', value).executeTakeFirst()
    : undefined;
  if (!c) throw fieldError('dimensionValue', 'reference');
  return c.name;
}

async function distributedOf(db: Db, targetId: string): Promise<string> {
  const r = await db
    .selectFrom('target_cells')
    .select(sql<string>`coalesce(sum(amount), 0)::numeric(16,2)::text`.as('sum'))
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return r?.sum ?? '0.00';
}

async function toApi(db: Db, env: Env, row: Row): Promise<Target> {
  const distributed = await distributedOf(db, row.id);
  return {
    id: row.id,
    version: row.version,
    type: row.type,
    year: row.year,
    departmentId: row.department_id,
    departmentName: await departmentName(db, row.department_id).catch(() => null),
    dimension: row.dimension,
    dimensionValue: row.dimension_value,
    dimensionLabel: await dimensionLabel(db, row.type, row.dimension, row.dimension_value).catch(() => row.dimension_value),
    title: row.title,
    amount: row.amount,
    distributed,
    undistributed: subtractMoney(row.amount, distributed),
    parentAllocation: await parentAllocation(db, row),
    splitMethod: row.split_method,
    notes: row.notes,
    locked: isLocked(row.year, row.reopened_at, today(env)),
    reopenedAt: row.reopened_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

const find = async (db: Db, actor: Actor, id: string, forUpdate = false) =>
  (await findVisible(db, actor, targetEntity, id, { forUpdate })) as unknown as Row;

export async function listTargets(db: Db, actor: Actor, env: Env, q: z.infer<typeof targetListQuery>): Promise<Target[]> {
  let query = db
    .selectFrom('targets as t')
    .leftJoin('departments as d', 'd.id', 't.department_id')
    .selectAll('t')
    .where('t.deleted_at', 'is', null)
    .where(scopeFilter(actor, 't', { departmentId: q.departmentId }))
    .orderBy('t.year', 'desc')
    .orderBy(sql`t.department_id IS NOT NULL`)
    .orderBy('d.sort_order')
    .orderBy('d.name')
    .orderBy('t.type')
    .limit(500);
  if (q.year) query = query.where('t.year', '=', q.year);
  if (q.type) query = query.where('t.type', '=', q.type);
  const rows = await query.execute();
  return Promise.all(rows.map((r) => toApi(db, env, r)));
}

export async function getTarget(db: Db, actor: Actor, env: Env, id: string): Promise<TargetDetail> {
  const row = await find(db, actor, id);
  const target = await toApi(db, env, row);
  const cells = await db
    .selectFrom('target_cells')
    .select(['user_id', 'department_id', 'month', 'amount'])
    .where('target_id', '=', id)
    .execute();
  return {
    ...target,
    rows: await gridRows(db, id, row.department_id),
    cells: cells.map((c) => ({ userId: c.user_id, departmentId: c.department_id, month: c.month, amount: c.amount })),
    editable: can(actor, 'targets', 'edit') && !target.locked,
    canReopen: mayReopen(actor),
  };
}

/** The amount may not exceed what the parent gives the department, nor fall below what is already split. */
async function assertAmountFits(db: Db, row: Pick<Row, TargetKey>, amount: string, distributed: string) {
  const parent = await parentAllocation(db, row);
  if (parent !== null && compareMoney(amount, parent) > 0)
    throw new AppError('TARGET_OVER_PARENT', { fields: { amount: { key: 'target_over_parent', params: { parent } } } });
  if (compareMoney(amount, distributed) < 0)
    throw new AppError('TARGET_OVER_PARENT', { fields: { amount: { key: 'target_below_distributed', params: { distributed } } } });
}

export async function createTarget(trx: Db, actor: Actor, env: Env, body: CreateTargetBody): Promise<string> {
  assertMayTarget(actor, body.departmentId);
  assertWholeUnits(body.type, 'amount', body.amount);
  const name = (await departmentName(trx, body.departmentId)) ?? '全公司';
  const dimension = await dimensionLabel(trx, body.type, body.dimension, body.dimensionValue);
  const key = {
    type: body.type,
    year: body.year,
    department_id: body.departmentId,
    dimension: body.dimension,
    dimension_value: body.dimensionValue,
  };
  await assertAmountFits(trx, key, body.amount, '0.00');
  const title = `${body.year} ${name} ${TYPE_TITLE[body.type]}${dimension ? `（${dimension}）` : ''}`;
  const values = { ...key, title, amount: body.amount, notes: body.notes ?? null };
  const row = await trx
    .insertInto('targets')
    .values({
      ...values,
      owner_id: actor.userId,
      owner_dept_id: body.departmentId ?? actor.departmentId,
      created_by: actorUserId(actor),
      updated_by: actorUserId(actor),
      // Set after its year began (a late target), it starts open until an administrator locks it.
      reopened_at: isLocked(body.year, null, today(env)) ? sql`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const changes = Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([field, v]) => ({ field, old: null, new: v }));
  await writeHistory(trx, actor, { entity: 'target', recordId: row.id, action: 'create', changes });
  return row.id;
}

const assertVersion = async (db: Db, env: Env, row: Row, version: number) => {
  if (row.version !== version) throw new AppError('VERSION_CONFLICT', { current: await toApi(db, env, row) });
};

async function bump(trx: Db, actor: Actor, id: string, set: Partial<Record<keyof TargetTable, unknown>>) {
  await trx
    .updateTable('targets')
    .set({ ...set, version: sql`version + 1`, updated_by: actorUserId(actor), updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .execute();
}

export async function updateTarget(trx: Db, actor: Actor, env: Env, id: string, body: z.infer<typeof updateTargetBody>): Promise<void> {
  const row = await find(trx, actor, id, true);
  await assertVersion(trx, env, row, body.version);
  assertUnlocked(row.year, row.reopened_at, today(env));
  const changes = [];
  if (body.amount !== undefined && compareMoney(body.amount, row.amount) !== 0) {
    assertWholeUnits(row.type, 'amount', body.amount);
    await assertAmountFits(trx, row, body.amount, await distributedOf(trx, id));
    changes.push({ field: 'amount', old: row.amount, new: body.amount });
  }
  if (body.notes !== undefined && (body.notes ?? null) !== row.notes)
    changes.push({ field: 'notes', old: row.notes, new: body.notes ?? null });
  if (changes.length === 0) return;
  await bump(trx, actor, id, Object.fromEntries(changes.map((c) => [c.field, c.new])));
  await writeHistory(trx, actor, { entity: 'target', recordId: id, action: 'update', changes });
}

/** Each row's yearly total, by name, as history shows a split (a year of cells reads badly as 12 × rows fields). */
function totalsByRow(rows: GridRow[], cells: TargetCell[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const mine = cells.filter((c) => cellKey(c) === cellKey(r)).map((c) => c.amount);
    if (mine.length) out[r.name] = sumMoney(mine);
  }
  return out;
}

/**
 * Saves the whole grid in one transaction. Refused (422, field messages) when the cells add up to more
 * than the target, go to someone outside the department, or give a sub-department less than its own target.
 */
export async function saveCells(
  trx: Db,
  actor: Actor,
  env: Env,
  id: string,
  body: { version: number; method: SplitMethod; cells: TargetCell[] },
): Promise<void> {
  const row = await find(trx, actor, id, true);
  await assertVersion(trx, env, row, body.version);
  assertUnlocked(row.year, row.reopened_at, today(env));
  const rows = await gridRows(trx, id, row.department_id);
  const allowed = new Set(rows.map(cellKey));
  const seen = new Set<string>();
  body.cells.forEach((c, i) => {
    if (!allowed.has(cellKey(c)) || (c.userId !== null) === (c.departmentId !== null)) throw fieldError(`cells.${i}`, 'target_row');
    const key = `${cellKey(c)}|${c.month}`;
    if (seen.has(key)) throw fieldError(`cells.${i}`, 'duplicate');
    seen.add(key);
    assertWholeUnits(row.type, `cells.${i}`, c.amount);
  });
  const cells = body.cells.filter((c) => compareMoney(c.amount, '0') > 0);
  const distributed = sumMoney(cells.map((c) => c.amount));
  if (compareMoney(distributed, row.amount) > 0) {
    const params = { distributed, total: row.amount, excess: subtractMoney(distributed, row.amount) };
    throw new AppError('TARGET_OVER_PARENT', { fields: { cells: { key: 'target_over_total', params } } });
  }
  const units = rows.filter((r) => r.departmentId).map((r) => r.departmentId as string);
  for (const child of await childTargets(trx, row, units)) {
    const given = sumMoney(cells.filter((c) => c.departmentId === child.departmentId).map((c) => c.amount));
    if (compareMoney(given, child.amount) < 0)
      throw new AppError('TARGET_OVER_PARENT', {
        fields: { cells: { key: 'target_child_over', params: { name: child.name, amount: child.amount } } },
      });
  }

  const before = await trx
    .selectFrom('target_cells')
    .select(['user_id', 'department_id', 'month', 'amount'])
    .where('target_id', '=', id)
    .execute();
  const old = totalsByRow(
    rows,
    before.map((c) => ({ userId: c.user_id, departmentId: c.department_id, month: c.month, amount: c.amount })),
  );
  await trx.deleteFrom('target_cells').where('target_id', '=', id).execute();
  if (cells.length)
    await trx
      .insertInto('target_cells')
      .values(cells.map((c) => ({ target_id: id, user_id: c.userId, department_id: c.departmentId, month: c.month, amount: c.amount })))
      .execute();
  const next = totalsByRow(rows, cells);
  const changes = [];
  if (JSON.stringify(old) !== JSON.stringify(next)) changes.push({ field: 'split', old, new: next });
  if (body.method !== row.split_method) changes.push({ field: 'split_method', old: row.split_method, new: body.method });
  await bump(trx, actor, id, { split_method: body.method });
  await writeHistory(trx, actor, { entity: 'target', recordId: id, action: 'update', changes: changes.length ? changes : undefined });
}

/** An administrator lifts the lock (reopen) or puts it back (lock); both are history. */
export async function setReopened(trx: Db, actor: Actor, env: Env, id: string, reopen: boolean): Promise<void> {
  if (!mayReopen(actor)) throw new AppError('FORBIDDEN');
  const row = await find(trx, actor, id, true);
  if ((row.reopened_at !== null) === reopen) return;
  const wasLocked = isLocked(row.year, row.reopened_at, today(env));
  await bump(trx, actor, id, { reopened_at: reopen ? sql`now()` : null, reopened_by: reopen ? actorUserId(actor) : null });
  const nowLocked = isLocked(row.year, reopen ? new Date() : null, today(env));
  await writeHistory(trx, actor, {
    entity: 'target',
    recordId: id,
    action: 'update',
    changes: [{ field: 'locked', old: wasLocked, new: nowLocked }],
  });
}

export async function deleteTarget(trx: Db, actor: Actor, env: Env, id: string): Promise<void> {
  const row = await find(trx, actor, id, true);
  assertUnlocked(row.year, row.reopened_at, today(env));
  await softDeleteRecord(trx, actor, targetEntity, id);
}

export { find as findTarget, today as businessToday };
