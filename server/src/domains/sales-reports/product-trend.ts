import { type ProductTrend, productTrendQuery, productTrendResponse } from '@contracts/sales-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type Label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { L } from './sales-labels.js';
import { inCategory, money, quantity, salesLines } from './sales-lines.js';
import { salesPeriod } from './sales-period.js';

type Query = z.infer<typeof productTrendQuery>;

interface TrendRow {
  list: 'best' | 'slow';
  ord: number;
  id: string;
  code: string;
  name: string;
  category_name: string | null;
  quantity: string;
  amount: string;
  previous_amount: string;
  change: string;
  change_percent: string | null;
}

/**
 * T5 (seed 004: 畅销和滞销产品): the best sellers of the period by sales, and the slow sellers — active
 * catalogue products (not bundles) with the least sales, none at all first and, among equals, the one
 * that fell most against the previous period of the same length. A product is on one list only.
 */
async function productTrend(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<ProductTrend> {
  const period = salesPeriod(q, now, timeZone);
  const { rows } = await sql<TrendRow>`
    WITH cur AS (
      SELECT product_id, sum(quantity) AS q, sum(amount) AS a FROM (${salesLines(actor, q, period.from, period.to)}) s GROUP BY 1
    ), prev AS (
      SELECT product_id, sum(amount) AS a FROM (${salesLines(actor, q, period.previousFrom, period.previousTo)}) s GROUP BY 1
    ), fig AS (
      SELECT p.id, p.code, p.name, pc.name AS category_name,
             (p.active AND p.kind = 'product' AND p.deleted_at IS NULL) AS listed,
             coalesce(cur.q, 0) AS q, coalesce(cur.a, 0) AS a, coalesce(prev.a, 0) AS pa
        FROM products p
        LEFT JOIN cur ON cur.product_id = p.id
        LEFT JOIN prev ON prev.product_id = p.id
        LEFT JOIN product_categories pc ON pc.id = p.category_id
       WHERE (cur.product_id IS NOT NULL OR (p.active AND p.kind = 'product' AND p.deleted_at IS NULL)) AND ${inCategory(q.category, 'p')}
    ), best AS (
      SELECT fig.*, row_number() OVER (ORDER BY a DESC, code) AS ord FROM fig WHERE a > 0 ORDER BY a DESC, code LIMIT ${q.limit}
    ), slow AS (
      SELECT fig.*, row_number() OVER (ORDER BY a, pa - a DESC, code) AS ord
        FROM fig WHERE listed AND id NOT IN (SELECT id FROM best) ORDER BY a, pa - a DESC, code LIMIT ${q.limit}
    )
    SELECT list, ord::int, id, code, name, category_name, ${quantity('q')} AS quantity, ${money('a')} AS amount,
           ${money('pa')} AS previous_amount, ${money('a - pa')} AS change,
           round((a - pa) * 100 / NULLIF(pa, 0), 1)::text AS change_percent
      FROM (SELECT 'best' AS list, * FROM best UNION ALL SELECT 'slow', * FROM slow) x
     ORDER BY list, ord`.execute(db);
  const item = (r: TrendRow) => ({
    productId: r.id,
    code: r.code,
    name: r.name,
    categoryName: r.category_name,
    quantity: r.quantity,
    amount: r.amount,
    previousAmount: r.previous_amount,
    change: r.change,
    changePercent: r.change_percent === null ? null : Number(r.change_percent),
  });
  return {
    ...period,
    best: rows.filter((r) => r.list === 'best').map(item),
    slow: rows.filter((r) => r.list === 'slow').map(item),
  };
}

type Item = ProductTrend['best'][number] & { list: Label };
const COLUMNS: ReportColumn<Item>[] = [
  { label: L.list, value: (i) => i.list },
  { label: L.code, value: (i) => i.code },
  { label: L.product, value: (i) => i.name },
  { label: L.category, value: (i) => i.categoryName ?? L.uncategorised },
  { label: L.quantity, value: (i) => i.quantity },
  { label: L.amount, value: (i) => i.amount },
  { label: L.previous, value: (i) => i.previousAmount },
  { label: L.change, value: (i) => i.change },
  { label: L.changePercent, value: (i) => i.changePercent },
];

export const productTrendRoute = defineReport({
  path: '/reports/product-sales/trend',
  summary: 'Best and slow sellers of a period, each against the previous period of the same length',
  query: productTrendQuery,
  response: productTrendResponse,
  run: (env, actor, q) => productTrend(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '畅销与滞销产品', 'zh-TW': '暢銷與滯銷產品', en: 'Best and slow sellers' },
    query: (q) => ({ ...q, limit: 50 }),
    table: (r, { locale }) =>
      reportTable(
        locale,
        tablePart(COLUMNS, [...r.best.map((i) => ({ ...i, list: L.best })), ...r.slow.map((i) => ({ ...i, list: L.slow }))]),
      ),
  },
});
