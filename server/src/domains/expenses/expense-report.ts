import type { Locale } from '@contracts/common.js';
import { type ExpenseReport, expenseReportQuery, expenseReportResponse } from '@contracts/expenses.js';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { addDays, businessDate, daysBetween } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { fieldError } from '../../platform/http/errors.js';
import { picklistLabels } from '../../platform/i18n/picklist-labels.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';

type Query = z.infer<typeof expenseReportQuery>;

/** At most three years in one report; the top customers shown. */
const MAX_DAYS = 1100;
const TOP_CUSTOMERS = 100;

const isCalendarDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** The period by spent_on (company time zone): by default the twelve months up to today. */
export function expensePeriod(q: { from?: string; to?: string }, now: Date, timeZone: string) {
  const to = q.to ?? businessDate(now, timeZone);
  if (!isCalendarDate(to)) throw fieldError('to', 'date');
  const [y, m] = to.split('-').map(Number);
  const start = y * 12 + (m - 1) - 11;
  const from = q.from ?? `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`;
  if (!isCalendarDate(from)) throw fieldError('from', 'date');
  if (to < from) throw fieldError('to', 'date_range');
  if (daysBetween(from, to) + 1 > MAX_DAYS) throw fieldError('to', 'days_too_many', { max: MAX_DAYS });
  return { from, to };
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** M4: approved, live claims in the period, under the caller's scope and the report's filters. */
function approvedWhere(actor: Actor, q: Query, period: { from: string; to: string }): RawBuilder<SqlBool> {
  const and = [
    sql`e.status = 'approved'`,
    sql`e.deleted_at IS NULL`,
    sql`e.spent_on >= ${period.from}::date`,
    sql`e.spent_on < ${addDays(period.to, 1)}::date`,
    ...(q.category ? [sql`e.category = ${q.category}`] : []),
    ...(q.customerId ? [sql`e.customer_id = ${q.customerId}`] : []),
  ];
  return scopeFilter(actor, 'e', { ownerId: q.ownerId, departmentId: q.departmentId, and });
}

const pct = (v: string | null) => (v === null ? null : Number(v));

/**
 * M4 statistics (seed 000 "how much have we spent on this customer?"): approved claims by category
 * (with each category's share of the total), by customer, by rep and by month — exact sums in SQL.
 */
export async function expenseReport(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<ExpenseReport> {
  const period = expensePeriod(q, now, timeZone);
  const where = approvedWhere(actor, q, period);
  const share = sql`round(100.0 * sum(e.amount) / nullif(sum(sum(e.amount)) OVER (), 0), 1)::text`;
  const [totals, byCategory, byCustomer, byOwner, byMonth] = await Promise.all([
    sql<{ total: string; n: number }>`
      SELECT coalesce(sum(e.amount), 0)::numeric(16,2)::text AS total, count(*)::int AS n FROM expenses e WHERE ${where}`.execute(db),
    sql<{ category: string; amount: string; n: number; share: string | null }>`
      SELECT e.category, sum(e.amount)::numeric(16,2)::text AS amount, count(*)::int AS n, ${share} AS share
        FROM expenses e WHERE ${where} GROUP BY e.category ORDER BY sum(e.amount) DESC, e.category`.execute(db),
    sql<{ customer_id: string; name: string; amount: string; n: number; share: string | null }>`
      SELECT s.customer_id, c.name, s.amount, s.n, s.share FROM (
        SELECT e.customer_id, sum(e.amount)::numeric(16,2) AS total, sum(e.amount)::numeric(16,2)::text AS amount,
               count(*)::int AS n, ${share} AS share
          FROM expenses e WHERE ${where} GROUP BY e.customer_id ORDER BY sum(e.amount) DESC, e.customer_id LIMIT ${TOP_CUSTOMERS}
      ) s JOIN customers c ON c.id = s.customer_id ORDER BY s.total DESC, s.customer_id`.execute(db),
    sql<{ owner_id: string; name: string; amount: string; n: number; share: string | null }>`
      SELECT s.owner_id, u.display_name AS name, s.amount, s.n, s.share FROM (
        SELECT e.owner_id, sum(e.amount)::numeric(16,2) AS total, sum(e.amount)::numeric(16,2)::text AS amount,
               count(*)::int AS n, ${share} AS share
          FROM expenses e WHERE ${where} GROUP BY e.owner_id
      ) s JOIN users u ON u.id = s.owner_id ORDER BY s.total DESC, s.owner_id`.execute(db),
    sql<{ month: string; amount: string; n: number }>`
      SELECT to_char(e.spent_on, 'YYYY-MM') AS month, sum(e.amount)::numeric(16,2)::text AS amount, count(*)::int AS n
        FROM expenses e WHERE ${where} GROUP BY 1 ORDER BY 1`.execute(db),
  ]);
  const months = new Map(byMonth.rows.map((r) => [r.month, r]));
  return {
    from: period.from,
    to: period.to,
    total: totals.rows[0].total,
    count: totals.rows[0].n,
    byCategory: byCategory.rows.map((r) => ({ category: r.category, amount: r.amount, count: r.n, share: pct(r.share) })),
    byCustomer: byCustomer.rows.map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      amount: r.amount,
      count: r.n,
      share: pct(r.share),
    })),
    byOwner: byOwner.rows.map((r) => ({ ownerId: r.owner_id, ownerName: r.name, amount: r.amount, count: r.n, share: pct(r.share) })),
    byMonth: monthsBetween(period.from, period.to).map((month) => ({
      month,
      amount: months.get(month)?.amount ?? '0.00',
      count: months.get(month)?.n ?? 0,
    })),
  };
}

type Row<K extends keyof ExpenseReport> = ExpenseReport[K] extends readonly (infer R)[] ? R : never;

const L = {
  amount: label('金额', '金額', 'Amount'),
  count: label('笔数', '筆數', 'Claims'),
  share: label('占比（%）', '占比（%）', 'Share (%)'),
};

async function expenseTable(r: ExpenseReport, { db, locale }: { db: Db; locale: Locale }) {
  const picklist = await picklistLabels(db, locale);
  const byCategory: ReportColumn<Row<'byCategory'>>[] = [
    { label: label('费用类别', '費用類別', 'Category'), value: (x) => picklist('expense_category', x.category) ?? x.category },
    { label: L.amount, value: (x) => x.amount },
    { label: L.count, value: (x) => x.count },
    { label: L.share, value: (x) => x.share },
  ];
  const byOwner: ReportColumn<Row<'byOwner'>>[] = [
    { label: label('报销人', '報銷人', 'Claimant'), value: (x) => x.ownerName },
    { label: L.amount, value: (x) => x.amount },
    { label: L.count, value: (x) => x.count },
    { label: L.share, value: (x) => x.share },
  ];
  const byCustomer: ReportColumn<Row<'byCustomer'>>[] = [
    { label: label('客户', '客戶', 'Customer'), value: (x) => x.customerName },
    { label: L.amount, value: (x) => x.amount },
    { label: L.count, value: (x) => x.count },
    { label: L.share, value: (x) => x.share },
  ];
  const byMonth: ReportColumn<Row<'byMonth'>>[] = [
    { label: label('月份', '月份', 'Month'), value: (x) => x.month },
    { label: L.amount, value: (x) => x.amount },
    { label: L.count, value: (x) => x.count },
  ];
  return reportTable(
    locale,
    tablePart(byCategory, r.byCategory),
    tablePart(byOwner, r.byOwner),
    tablePart(byCustomer, r.byCustomer),
    tablePart(byMonth, r.byMonth),
  );
}

export const expenseReportRoute = defineReport({
  path: '/expense-reports/summary',
  summary: 'Approved expense claims in the period: by category (shares), by customer, by claimant, by month',
  tags: ['expenses'],
  query: expenseReportQuery,
  response: expenseReportResponse,
  run: (env, actor, q) => expenseReport(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('费用统计', '費用統計', 'Expense statistics'), table: expenseTable },
});
