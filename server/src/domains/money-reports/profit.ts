import type { Locale } from '@contracts/common.js';
import {
  type ContractProfit,
  type CustomerProfit,
  contractProfitResponse,
  customerProfitResponse,
  type ProfitQuery,
  profitQuery,
} from '@contracts/money-reports.js';
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { fieldError } from '../../platform/http/errors.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { calendarDate } from './money-dates.js';
import { L } from './money-labels.js';

/*
 * M5 (seed 004: 费用控制和收益分析) profit per customer and per contract:
 *   revenue  = the amount of each effective contract, effective amendments included (terminated and
 *              voided contracts count nothing: what they were signed for is no longer owed);
 *   cost     = Σ cost price × quantity of its lines as kept on the lines — taken from the catalogue
 *              when the line was written and frozen once the contract left draft, so a later change of
 *              a product's cost rewrites nothing (the amendment's lines count once it is effective);
 *   expenses = approved, not deleted expense claims: per customer all of the customer's claims, per
 *              contract those linked to it;
 *   profit   = revenue − cost − expenses, margin = profit ÷ revenue.
 * Scope: contracts by their owner, claims by theirs (a rep's profit is his contracts less his claims).
 * A period narrows contracts by sign date and (per customer) claims by the day spent.
 * Figures come from money_contract_profit / money_expense_totals / money_customer_profit (0047).
 */

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

interface Figures {
  revenue: string;
  cost: string;
  expenses: string;
  profit: string;
  margin: string | null;
}

const ORDER: Record<ProfitQuery['sort'], (a: string) => string> = {
  profit: (a) => `${a}.profit ASC`,
  '-profit': (a) => `${a}.profit DESC`,
  margin: (a) => `${a}.profit / NULLIF(${a}.revenue, 0) ASC NULLS LAST`,
  '-margin': (a) => `${a}.profit / NULLIF(${a}.revenue, 0) DESC NULLS LAST`,
  revenue: (a) => `${a}.revenue ASC`,
  '-revenue': (a) => `${a}.revenue DESC`,
  expenses: (a) => `${a}.expenses ASC`,
  '-expenses': (a) => `${a}.expenses DESC`,
};
/** Qualified by the row source's alias, so the outer query sorts by the numbers, not by their text. */
const orderBy = (q: ProfitQuery, alias: string, id: string) => sql.raw(`${ORDER[q.sort](alias)}, ${alias}.${id}`);

const FIGURES = sql`revenue::numeric(16,2)::text AS revenue, cost::numeric(16,2)::text AS cost,
  expenses::numeric(16,2)::text AS expenses, profit::numeric(16,2)::text AS profit,
  round(profit * 100 / NULLIF(revenue, 0), 2)::text AS margin`;

function period(q: ProfitQuery) {
  const from = q.from ? calendarDate('from', q.from) : null;
  const to = q.to ? calendarDate('to', q.to) : null;
  if (from && to && to < from) throw fieldError('to', 'date_range');
  return { from, to, any: Boolean(from || to) };
}
function between(column: RawBuilder<unknown>, p: ReturnType<typeof period>) {
  return sql`${p.from ? sql`${column} >= ${p.from}::date` : sql`true`} AND ${p.to ? sql`${column} <= ${p.to}::date` : sql`true`}`;
}

async function customerProfit(db: Db, actor: Actor, q: ProfitQuery): Promise<Page<CustomerProfit>> {
  const p = period(q);
  const offset = (q.page - 1) * q.pageSize;
  const whole = actor.scope === 'all' && !q.ownerId && !q.departmentId && !p.any;
  // The company's whole view is kept per customer; anything narrower is summed from the per-contract
  // and per-owner figures in the caller's scope.
  const source = whole
    ? sql`SELECT customer_id, contracts, revenue, cost, expenses, profit FROM money_customer_profit`
    : sql`
      SELECT COALESCE(r.customer_id, e.customer_id) AS customer_id, COALESCE(r.n, 0)::int AS contracts,
             COALESCE(r.revenue, 0) AS revenue, COALESCE(r.cost, 0) AS cost, COALESCE(e.amount, 0) AS expenses,
             COALESCE(r.revenue, 0) - COALESCE(r.cost, 0) - COALESCE(e.amount, 0) AS profit
        FROM (SELECT customer_id, count(*) AS n, sum(revenue) AS revenue, sum(cost) AS cost FROM money_contract_profit t
               WHERE ${scopeFilter(actor, 't', q)} AND ${between(sql.ref('t.sign_date'), p)} GROUP BY 1) r
        FULL JOIN (${
          p.any
            ? sql`SELECT customer_id, sum(amount) AS amount FROM expenses t
                   WHERE t.status = 'approved' AND t.deleted_at IS NULL AND ${scopeFilter(actor, 't', q)}
                     AND ${between(sql.ref('t.spent_on'), p)} GROUP BY 1`
            : sql`SELECT customer_id, sum(amount) AS amount FROM money_expense_totals t WHERE ${scopeFilter(actor, 't', q)} GROUP BY 1`
        }) e ON e.customer_id = r.customer_id`;
  const { rows } = await sql<Omit<CustomerProfit, 'customerName'> & { customerName: string | null }>`
    WITH g AS ${whole ? sql`` : sql`MATERIALIZED`} (${source})
    SELECT g.customer_id AS "customerId", cu.name AS "customerName", g.contracts, ${FIGURES}
      FROM (SELECT g.* FROM g ORDER BY ${orderBy(q, 'g', 'customer_id')} LIMIT ${q.pageSize} OFFSET ${offset}) g
      LEFT JOIN customers cu ON cu.id = g.customer_id
     ORDER BY ${orderBy(q, 'g', 'customer_id')}`.execute(db);
  const count = await sql<{ n: number }>`
    WITH g AS (${source}) SELECT count(*)::int AS n FROM g`.execute(db);
  return {
    items: rows.map((r) => ({ ...r, customerName: r.customerName ?? '' })),
    total: count.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function contractProfit(db: Db, actor: Actor, q: ProfitQuery): Promise<Page<ContractProfit>> {
  const p = period(q);
  const offset = (q.page - 1) * q.pageSize;
  const where = sql`${scopeFilter(actor, 't', q)} AND ${between(sql.ref('t.sign_date'), p)}`;
  const { rows } = await sql<ContractProfit>`
    SELECT g.contract_id AS "contractId", c.number, c.title, g.customer_id AS "customerId", cu.name AS "customerName",
           g.owner_id AS "ownerId", u.display_name AS "ownerName", g.sign_date::text AS "signDate", ${FIGURES}
      FROM (SELECT t.* FROM money_contract_profit t WHERE ${where}
             ORDER BY ${orderBy(q, 't', 'contract_id')} LIMIT ${q.pageSize} OFFSET ${offset}) g
      JOIN contracts c ON c.id = g.contract_id
      JOIN customers cu ON cu.id = g.customer_id
      JOIN users u ON u.id = g.owner_id
     ORDER BY ${orderBy(q, 'g', 'contract_id')}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM money_contract_profit t WHERE ${where}`.execute(db);
  return { items: rows, total: count.rows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

const figureColumns = <R extends Figures>(): ReportColumn<R>[] => [
  { label: L.revenue, value: (r) => r.revenue },
  { label: L.cost, value: (r) => r.cost },
  { label: L.expenses, value: (r) => r.expenses },
  { label: L.profit, value: (r) => r.profit },
  { label: L.margin, value: (r) => r.margin },
];

const CUSTOMER_COLUMNS: ReportColumn<CustomerProfit>[] = [
  { label: L.customer, value: (r) => r.customerName },
  { label: L.contracts, value: (r) => r.contracts },
  ...figureColumns<CustomerProfit>(),
];
const CONTRACT_COLUMNS: ReportColumn<ContractProfit>[] = [
  { label: L.number, value: (r) => r.number },
  { label: L.contract, value: (r) => r.title },
  { label: L.customer, value: (r) => r.customerName },
  { label: L.owner, value: (r) => r.ownerName },
  { label: L.signDate, value: (r) => r.signDate },
  ...figureColumns<ContractProfit>(),
];

/** A file holds up to 5,000 rows of the same order. */
const fileQuery = (q: ProfitQuery) => ({ ...q, page: 1, pageSize: 5000 });

export const customerProfitRoute = defineReport({
  path: '/reports/profit/customers',
  summary: 'Profit per customer: signed revenue − cost of goods − approved expenses, least profitable first',
  query: profitQuery,
  response: customerProfitResponse,
  run: (env, actor, q) => customerProfit(env.db, actor, q),
  download: {
    fileName: { 'zh-CN': '客户利润分析', 'zh-TW': '客戶利潤分析', en: 'Profit per customer' },
    query: fileQuery,
    table: (r, { locale }: { locale: Locale }) => reportTable(locale, tablePart(CUSTOMER_COLUMNS, r.items)),
  },
});

export const contractProfitRoute = defineReport({
  path: '/reports/profit/contracts',
  summary: 'Profit per contract (project): its amount − cost of its lines − the approved expenses linked to it',
  query: profitQuery,
  response: contractProfitResponse,
  run: (env, actor, q) => contractProfit(env.db, actor, q),
  download: {
    fileName: { 'zh-CN': '合同利润分析', 'zh-TW': '合約利潤分析', en: 'Profit per contract' },
    query: fileQuery,
    table: (r, { locale }: { locale: Locale }) => reportTable(locale, tablePart(CONTRACT_COLUMNS, r.items)),
  },
});
