import type { Locale } from '@contracts/common.js';
import {
  type AttainmentQuery,
  type AttainmentReport,
  type AttainmentRow,
  attainmentQuery,
  attainmentResponse,
  FORECAST_TARGET_TYPES,
  PRODUCT_TARGET_TYPES,
  type TargetDimension,
} from '@contracts/targets.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { departmentClosure } from '../../platform/access/department-subtree.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { sumMoney } from '../../platform/money.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { dimensionWindow, type OwnerMonthFigure, targetFigures, targetMeasure } from '../targets/public.js';
import { elapsedShare, type Period, parsePeriod } from './attainment-period.js';
import { rate, shortfall, TYPE_LABEL } from './attainment-figures.js';

type Owner = { kind: AttainmentRow['kind']; id: string | null; name: string; isParent: boolean; drillable: boolean };

/**
 * Who the table shows: a rep himself; a manager his department (or the departments he sees) with its
 * sub-departments and people; the director the company and its top departments. Drilling into a
 * department shows it with its sub-departments and its own people, within the caller's scope.
 */
async function ownersOf(db: Db, actor: Actor, departmentId: string | undefined): Promise<Owner[]> {
  if (actor.scope === 'own') return [{ kind: 'person', id: actor.userId, name: actor.displayName, isParent: false, drillable: false }];
  const visible = (id: string) => actor.scope === 'all' || actor.visibleDeptIds.includes(id);
  let parent = departmentId ?? null;
  if (parent && !visible(parent)) throw new AppError('NOT_FOUND');
  if (!parent && actor.scope === 'department') {
    const roots = await db
      .selectFrom('departments')
      .select(['id', 'parent_id'])
      .where('id', 'in', actor.visibleDeptIds.length ? actor.visibleDeptIds : ['00000000-0000-0000-0000-000000000000'])
      .where('deleted_at', 'is', null)
      .execute();
    const top = roots.filter((d) => !d.parent_id || !actor.visibleDeptIds.includes(d.parent_id));
    if (top.length !== 1)
      return deptOwners(
        db,
        top.map((d) => d.id),
        false,
      );
    parent = top[0].id;
  }
  const { rows } = await sql<Owner & { sort: number }>`
    SELECT 'department' AS kind, d.id, d.name, true AS "isParent", true AS drillable, 0 AS sort, d.sort_order AS so FROM departments d
     WHERE ${parent ? sql`d.id = ${parent}` : sql`false`}
    UNION ALL
    SELECT 'department', d.id, d.name, false,
           EXISTS (SELECT 1 FROM departments c WHERE c.parent_id = d.id AND c.deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM users u WHERE u.department_id = d.id AND u.active), 1, d.sort_order
      FROM departments d WHERE d.deleted_at IS NULL AND ${parent ? sql`d.parent_id = ${parent}` : sql`d.parent_id IS NULL`}
    UNION ALL
    SELECT 'person', u.id, u.display_name, false, false, 2, 0 FROM users u
     WHERE ${parent ? sql`u.department_id = ${parent} AND u.active` : sql`false`}
     ORDER BY sort, so, name`.execute(db);
  const company: Owner[] = parent ? [] : [{ kind: 'company', id: null, name: '', isParent: true, drillable: false }];
  return [...company, ...rows.map(({ kind, id, name, isParent, drillable }) => ({ kind, id, name, isParent, drillable }))];
}

/** One level up from a drilled department: its parent when the caller sees it, else the top (null). */
async function upFrom(db: Db, actor: Actor, departmentId: string | undefined): Promise<string | null> {
  if (!departmentId) return null;
  const d = await db.selectFrom('departments').select('parent_id').where('id', '=', departmentId).executeTakeFirst();
  const parent = d?.parent_id ?? null;
  return parent && (actor.scope === 'all' || actor.visibleDeptIds.includes(parent)) ? parent : null;
}

async function deptOwners(db: Db, ids: string[], isParent: boolean): Promise<Owner[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map((d) => ({ kind: 'department', id: d.id, name: d.name, isParent, drillable: true }));
}

/** Figures per owner row: persons by owner, departments over their whole subtree, the company in all. */
async function sumPerOwner(db: Db, owners: Owner[], figures: OwnerMonthFigure[]): Promise<Map<string, string>> {
  const deptIds = owners.filter((o) => o.kind === 'department').map((o) => o.id as string);
  const ancestorsOf = new Map<string, string[]>();
  if (deptIds.length) {
    const { rows } = await sql<{ ancestor: string; descendant: string }>`
      WITH RECURSIVE ${departmentClosure(sql`d.id = ANY(${sql.val(deptIds)}::uuid[])`)} SELECT ancestor, descendant FROM closure`.execute(
      db,
    );
    for (const r of rows) ancestorsOf.set(r.descendant, [...(ancestorsOf.get(r.descendant) ?? []), r.ancestor]);
  }
  const parts = new Map<string, string[]>();
  const add = (key: string, v: string) => parts.set(key, [...(parts.get(key) ?? []), v]);
  for (const f of figures) {
    add(`person:${f.ownerId}`, f.value);
    for (const a of f.ownerDeptId ? (ancestorsOf.get(f.ownerDeptId) ?? []) : []) add(`department:${a}`, f.value);
    add('company:', f.value);
  }
  return new Map([...parts].map(([k, v]) => [k, sumMoney(v)]));
}

/** One product category (signed amounts only) or one region, both given or neither. */
function dimensionOf(q: AttainmentQuery): { kind: TargetDimension | null; value: string | null } {
  if (!q.dimension && !q.dimensionValue) return { kind: null, value: null };
  if (!q.dimension) throw fieldError('dimension', 'required');
  if (!q.dimensionValue) throw fieldError('dimensionValue', 'required');
  if (q.dimension === 'product_category' && !PRODUCT_TARGET_TYPES.includes(q.type)) throw fieldError('dimension', 'target_dimension_type');
  if (q.dimension === 'product_category' && !/^[0-9a-f-]{36}$/i.test(q.dimensionValue)) throw fieldError('dimensionValue', 'uuid');
  return { kind: q.dimension, value: q.dimensionValue };
}

async function attainmentReport(db: Db, actor: Actor, q: AttainmentQuery, now: Date, timeZone: string): Promise<AttainmentReport> {
  const today = businessDate(now, timeZone);
  const dimension = dimensionOf(q);
  const period: Period = parsePeriod(q.period, today);
  const owners = await ownersOf(db, actor, q.departmentId);
  const up = await upFrom(db, actor, q.departmentId);
  const measure = targetMeasure(q.type);
  const window = {
    from: period.from,
    toExclusive: period.toExclusive,
    timeZone,
    ...dimensionWindow({ dimension: dimension.kind, dimension_value: dimension.value }),
  };
  const actuals = await sumPerOwner(db, owners, await measure.actuals(db, actor, window));
  // The rest of the period: from today (or its start, when it lies ahead) to its end; none once it is over.
  const ahead = period.from > today;
  const forecastFrom = today >= period.toExclusive ? null : ahead ? period.from : today;
  const forecast =
    // Deals carry no product category: a category's target has no forecast.
    measure.forecast && forecastFrom && FORECAST_TARGET_TYPES.includes(q.type) && dimension.kind !== 'product_category'
      ? await sumPerOwner(db, owners, await measure.forecast(db, actor, { ...window, from: forecastFrom }))
      : null;
  const targets = await targetFigures(
    db,
    q.type,
    period.year,
    period.months,
    {
      userIds: owners.filter((o) => o.kind === 'person').map((o) => o.id as string),
      departmentIds: owners.filter((o) => o.kind === 'department').map((o) => o.id as string),
      company: owners.some((o) => o.kind === 'company'),
    },
    dimension,
  );
  const targetOf = new Map(targets.map((t) => [`${t.kind}:${t.id ?? ''}`, t.target]));
  const rows: AttainmentRow[] = owners.map((o) => {
    const key = `${o.kind}:${o.id ?? ''}`;
    const target = targetOf.get(key) ?? null;
    const actual = actuals.get(key) ?? '0.00';
    const fc = forecast ? (forecast.get(key) ?? '0.00') : null;
    const gap = target === null ? null : shortfall(target, actual);
    return {
      ...o,
      target,
      actual,
      rate: target === null ? null : rate(actual, target),
      gap,
      forecast: fc,
      gapAfterForecast: gap === null || fc === null ? null : sumMoney([gap, fc.startsWith('-') ? fc.slice(1) : `-${fc}`]),
    };
  });
  return {
    type: q.type,
    period: period.key,
    dimension: dimension.kind,
    dimensionValue: dimension.value,
    upDepartmentId: up,
    from: period.from,
    to: period.toExclusive,
    forecastFrom,
    elapsed: elapsedShare(period, today),
    rows,
  };
}

const LEVEL = {
  company: label('公司', '公司', 'Company'),
  department: label('部门', '部門', 'Department'),
  person: label('人员', '人員', 'Person'),
};

const COLUMNS: ReportColumn<AttainmentRow>[] = [
  { label: label('名称', '名稱', 'Name'), value: (r) => (r.kind === 'company' ? label('全公司', '全公司', 'Company') : r.name) },
  { label: label('层级', '層級', 'Level'), value: (r) => LEVEL[r.kind] },
  { label: label('目标', '目標', 'Target'), value: (r) => r.target },
  { label: label('实际完成', '實際完成', 'Actual'), value: (r) => r.actual },
  { label: label('达成率 %', '達成率 %', 'Attainment %'), value: (r) => r.rate },
  { label: label('差额', '差額', 'Gap'), value: (r) => r.gap },
  { label: label('预计签约', '預計簽約', 'Forecast'), value: (r) => r.forecast },
  { label: label('扣除预计后的缺口', '扣除預計後的缺口', 'Gap after forecast'), value: (r) => r.gapAfterForecast },
];

const HEAD: ReportColumn<AttainmentReport>[] = [
  { label: label('目标类型', '目標類型', 'Target type'), value: (r) => TYPE_LABEL[r.type] },
  { label: label('期间', '期間', 'Period'), value: (r) => r.period },
  { label: label('时间进度 %', '時間進度 %', 'Time elapsed %'), value: (r) => r.elapsed },
];

export const attainmentRoute = defineReport({
  path: '/targets/attainment',
  summary: 'T2 attainment per owner: actual, target, rate, gap and the gap set against the forecast for the rest of the period',
  tags: ['targets'],
  query: attainmentQuery,
  response: attainmentResponse,
  run: (env, actor, q) => attainmentReport(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '目标达成', 'zh-TW': '目標達成', en: 'Target attainment' },
    table: (r, { locale }: { locale: Locale }) => reportTable(locale, tablePart(HEAD, [r]), tablePart(COLUMNS, r.rows)),
  },
});
