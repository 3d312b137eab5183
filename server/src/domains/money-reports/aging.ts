import type { Locale } from '@contracts/common.js';
import { type AgingQuery, type AgingReport, type AgingRow, agingQuery, agingResponse } from '@contracts/money-reports.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { departmentScopeFilter, scopeFilter } from '../../platform/access/data-scope.js';
import { departmentClosure } from '../../platform/access/department-subtree.js';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { calendarDate, dayStart } from './money-dates.js';
import { B, GROUP_LABEL, L } from './money-labels.js';

interface Row {
  kind: 'row' | 'total';
  id: string | null;
  name: string | null;
  parent_id: string | null;
  sort: string | null;
  not_due: string;
  d0to30: string;
  d31to60: string;
  d61to90: string;
  over90: string;
  overdue: string;
  total: string;
  count: number;
}

/**
 * M1 (seed 002) receivables aging as of a day: what each instalment of an effective contract still
 * owes — its amount less the confirmed payments allocated to it that were received and confirmed by
 * the end of that day (company time zone) — put in buckets by days past due. Due on the day itself is
 * not yet due; due the day before is 1 day past due. Scoped by the contract's owner like every list.
 *
 * Read from money_instalment_balances (each instalment with its contract's owner and customer and
 * what it has been paid — payment_instalments.paid, copied by triggers, 0047/0052): the open ones
 * through a partial index, plus — for a past day — what payments received or confirmed after it took
 * off, added back. Per customer, the customers are ranked from money_open_customers (0052) and only
 * the page's instalments are read.
 */
export async function agingReport(db: Db, actor: Actor, q: AgingQuery, now: Date, timeZone: string): Promise<AgingReport> {
  const asOf = q.asOf ? calendarDate('asOf', q.asOf) : businessDate(now, timeZone);
  const asOfEnd = dayStart(addDays(asOf, 1), timeZone);
  const where = scopeFilter(actor, 'b', { ownerId: q.ownerId, departmentId: q.departmentId });
  // The buckets as sums (numeric), once per group and once for all (GROUPING SETS: one pass).
  const sums = sql`
    sum(o.outstanding) FILTER (WHERE o.due_date >= ${asOf}::date) AS not_due,
    sum(o.outstanding) FILTER (WHERE o.due_date BETWEEN ${asOf}::date - 30 AND ${asOf}::date - 1) AS d0to30,
    sum(o.outstanding) FILTER (WHERE o.due_date BETWEEN ${asOf}::date - 60 AND ${asOf}::date - 31) AS d31to60,
    sum(o.outstanding) FILTER (WHERE o.due_date BETWEEN ${asOf}::date - 90 AND ${asOf}::date - 61) AS d61to90,
    sum(o.outstanding) FILTER (WHERE o.due_date < ${asOf}::date - 90) AS over90,
    sum(o.outstanding) AS total`;
  const figuresOut = (a: string) =>
    sql.raw(
      [
        `coalesce(${a}.not_due, 0)::numeric(16,2)::text AS not_due`,
        `coalesce(${a}.d0to30, 0)::numeric(16,2)::text AS d0to30`,
        `coalesce(${a}.d31to60, 0)::numeric(16,2)::text AS d31to60`,
        `coalesce(${a}.d61to90, 0)::numeric(16,2)::text AS d61to90`,
        `coalesce(${a}.over90, 0)::numeric(16,2)::text AS over90`,
        `(coalesce(${a}.d0to30, 0) + coalesce(${a}.d31to60, 0) + coalesce(${a}.d61to90, 0) + coalesce(${a}.over90, 0))::numeric(16,2)::text AS overdue`,
        `coalesce(${a}.total, 0)::numeric(16,2)::text AS total`,
      ].join(', '),
    );
  // Outstanding as of the day = what is open now (amount − paid) + what payments received or
  // confirmed after the day took off (back). Per rep and department, whole months come from
  // money_open_months; only the months an edge of a bucket splits are read per instalment.
  const edges = [asOf, addDays(asOf, -30), addDays(asOf, -60), addDays(asOf, -90)];
  const split = [...new Set(edges.filter((e) => !e.endsWith('-01')).map((e) => `${e.slice(0, 7)}-01`))];
  const inSplit = split.length
    ? sql.join(
        split.map((m) => sql`(b.due_date >= ${m}::date AND b.due_date < (${m}::date + interval '1 month')::date)`),
        sql` OR `,
      )
    : sql`false`;
  const backRows = sql`
      SELECT b.owner_id, b.owner_dept_id, b.customer_id, b.due_date, k.amt AS outstanding
        FROM back k JOIN money_instalment_balances b ON b.instalment_id = k.instalment_id
       WHERE b.live AND ${where}`;
  const open = sql`
      SELECT t.owner_id, t.owner_dept_id, NULL::uuid AS customer_id, t.due_month AS due_date, t.outstanding
        FROM money_open_months t
       WHERE ${scopeFilter(actor, 't', { ownerId: q.ownerId, departmentId: q.departmentId })}
         AND NOT (t.due_month = ANY(${sql.val(split)}::date[]))
      UNION ALL
      SELECT b.owner_id, b.owner_dept_id, b.customer_id, b.due_date, b.amount - b.paid
        FROM money_instalment_balances b WHERE b.live AND b.paid < b.amount AND ${where} AND (${inSplit})
      UNION ALL ${backRows}`;

  const offset = (q.page - 1) * q.pageSize;
  const perCustomer = q.groupBy === 'customer';
  // Per customer the grouping below only yields the totals row: the page's rows come from `page`.
  const key = sql.ref(q.groupBy === 'owner' ? 'o.owner_id' : 'o.owner_dept_id');
  const grouping = perCustomer ? sql`()` : sql`(${key}), ()`;

  let groups: ReturnType<typeof sql>;
  let closure = sql``;
  let pageCtes = sql``;
  if (q.groupBy === 'owner') {
    groups = sql`
      SELECT 'row' AS kind, u.id, u.display_name AS name, NULL::uuid AS parent_id, NULL AS sort, ${figuresOut('g')}, 0 AS count
        FROM g JOIN users u ON u.id = g.k WHERE NOT g.all_rows`;
  } else if (perCustomer) {
    // Customers ranked by what they owe from money_open_customers (0052) plus what was paid after the
    // day; the buckets are then summed from the instalments of the page's customers only.
    pageCtes = sql`
    page AS MATERIALIZED (
      SELECT k, count(*) OVER ()::int AS count FROM (
        SELECT x.customer_id AS k, sum(x.outstanding) AS total FROM (
          SELECT t.customer_id, t.outstanding FROM money_open_customers t
           WHERE ${scopeFilter(actor, 't', { ownerId: q.ownerId, departmentId: q.departmentId })}
          UNION ALL SELECT r.customer_id, r.outstanding FROM (${backRows}) r
        ) x GROUP BY 1
      ) y ORDER BY total DESC, k LIMIT ${q.pageSize} OFFSET ${offset}
    ),
    page_open AS (
      SELECT b.owner_id, b.owner_dept_id, b.customer_id, b.due_date, b.amount - b.paid AS outstanding
        FROM money_instalment_balances b
       WHERE b.live AND b.paid < b.amount AND ${where} AND b.customer_id IN (SELECT k FROM page)
      UNION ALL
      SELECT r.* FROM (${backRows}) r WHERE r.customer_id IN (SELECT k FROM page)
    ),`;
    groups = sql`
      SELECT 'row' AS kind, cu.id, cu.name, NULL::uuid AS parent_id, NULL AS sort, ${figuresOut('x')}, p.count
        FROM page p
        JOIN (SELECT o.customer_id AS k, ${sums} FROM page_open o GROUP BY 1) x ON x.k = p.k
        JOIN customers cu ON cu.id = p.k`;
  } else if (actor.scope === 'own') {
    // A rep (own scope) sees no department.
    groups = sql`SELECT 'row' AS kind, NULL::uuid AS id, NULL AS name, NULL::uuid AS parent_id, NULL AS sort, ${figuresOut('g')}, 0 AS count
                   FROM g WHERE false`;
  } else {
    // Each department's figures include its sub-departments': the sums per owner's department, rolled up the tree.
    closure = sql`${departmentClosure(departmentScopeFilter(actor, 'd', q.departmentId))},`;
    groups = sql`
      SELECT 'row' AS kind, d.id, d.name, d.parent_id, lpad(d.sort_order::text, 10, '0') || d.name AS sort, ${figuresOut('x')}, 0 AS count
        FROM (SELECT c.ancestor, sum(g.not_due) AS not_due, sum(g.d0to30) AS d0to30, sum(g.d31to60) AS d31to60,
                     sum(g.d61to90) AS d61to90, sum(g.over90) AS over90, sum(g.total) AS total
                FROM closure c LEFT JOIN g ON g.k = c.descendant AND NOT g.all_rows GROUP BY 1) x
        JOIN departments d ON d.id = x.ancestor`;
  }

  const { rows } = await sql<Row>`
    WITH RECURSIVE ${closure}
    back AS MATERIALIZED (
      SELECT a.instalment_id, sum(a.amount) AS amt
        FROM payments p JOIN payment_allocations a ON a.payment_id = p.id
       WHERE p.status = 'confirmed' AND p.deleted_at IS NULL AND (p.received_on > ${asOf}::date OR p.confirmed_at >= ${asOfEnd})
       GROUP BY 1
    ),
    open AS (${open}
    ),${pageCtes}
    g AS MATERIALIZED (
      SELECT ${perCustomer ? sql`NULL::uuid` : key} AS k, ${perCustomer ? sql`true` : sql`GROUPING(${key}) = 1`} AS all_rows, ${sums}
        FROM open o GROUP BY GROUPING SETS (${grouping})
    )
    ${groups}
    UNION ALL
    SELECT 'total', NULL, NULL, NULL, NULL, ${figuresOut('g')}, 0 FROM g WHERE g.all_rows`.execute(db);

  const total = rows.find((r) => r.kind === 'total') as Row;
  const body = rows.filter((r) => r.kind === 'row');
  if (q.groupBy === 'department') body.sort((a, b) => String(a.sort).localeCompare(String(b.sort)));
  else body.sort((a, b) => Number(b.total) - Number(a.total) || String(a.name).localeCompare(String(b.name)));
  const out = q.groupBy === 'department' ? departmentTree(body) : body.map((r) => toRow(r, 0));
  return {
    asOf,
    groupBy: q.groupBy,
    rows: out,
    totals: figuresOf(total),
    count: q.groupBy === 'customer' ? (body[0]?.count ?? (q.page > 1 ? await customerCount(db, actor, q, now, timeZone) : 0)) : out.length,
    page: q.groupBy === 'customer' ? q.page : 1,
    pageSize: q.groupBy === 'customer' ? q.pageSize : out.length,
  };
}

/** A page past the end has no rows to carry the count. */
async function customerCount(db: Db, actor: Actor, q: AgingQuery, now: Date, timeZone: string): Promise<number> {
  return (await agingReport(db, actor, { ...q, page: 1, pageSize: 1 }, now, timeZone)).count;
}

const figuresOf = (r: Row) => ({
  notDue: r.not_due,
  d0to30: r.d0to30,
  d31to60: r.d31to60,
  d61to90: r.d61to90,
  over90: r.over90,
  overdue: r.overdue,
  total: r.total,
});

const toRow = (r: Row, depth: number, parentId: string | null = null): AgingRow => ({
  id: r.id as string,
  name: r.name ?? '',
  parentId,
  depth,
  ...figuresOf(r),
});

/** Departments in tree order (parents before their children, siblings by sort order), each with its depth. */
function departmentTree(rows: Row[]): AgingRow[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, Row[]>();
  for (const r of rows) {
    const parent = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: AgingRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push(toRow(r, depth, parent));
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const COLUMNS: ReportColumn<AgingRow>[] = [
  { label: L.name, value: (r) => `${'　'.repeat(r.depth)}${r.name}` },
  { label: B.notDue, value: (r) => r.notDue },
  { label: B.d0to30, value: (r) => r.d0to30 },
  { label: B.d31to60, value: (r) => r.d31to60 },
  { label: B.d61to90, value: (r) => r.d61to90 },
  { label: B.over90, value: (r) => r.over90 },
  { label: B.overdue, value: (r) => r.overdue },
  { label: B.total, value: (r) => r.total },
];

function agingTable(r: AgingReport, { locale }: { locale: Locale }) {
  const totals: AgingRow = { id: '', name: L.total[locale], parentId: null, depth: 0, ...r.totals };
  const columns = COLUMNS.map((c, i) => (i === 0 ? { ...c, label: GROUP_LABEL[r.groupBy] } : c));
  return reportTable(locale, tablePart(columns, [...r.rows, totals]));
}

export const agingRoute = defineReport({
  path: '/reports/receivables-aging',
  summary: 'Receivables aging as of a day: outstanding per instalment in buckets of days past due, per rep, department or customer',
  query: agingQuery,
  response: agingResponse,
  run: (env, actor, q) => agingReport(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '应收账龄', 'zh-TW': '應收帳齡', en: 'Receivables aging' },
    query: (q) => ({ ...q, page: 1, pageSize: 200 }),
    table: agingTable,
  },
});
