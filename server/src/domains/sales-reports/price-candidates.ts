import {
  type PriceCandidates,
  type PriceCandidatesQuery,
  priceCandidatesQuery,
  priceCandidatesResponse,
} from '@contracts/sales-reports.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { L, REASON } from './sales-labels.js';
import { money, quantity, salesLines } from './sales-lines.js';
import { salesPeriod } from './sales-period.js';

interface CandidateRow {
  product_id: string;
  code: string;
  name: string;
  customer_id: string | null;
  customer_name: string | null;
  region: string | null;
  quantity: string;
  list_amount: string;
  amount: string;
  discount: string | null;
  product_discount: string | null;
  room: string;
  previous_amount: string;
  change_percent: string | null;
  deep: boolean;
  fell: boolean;
  total: number;
}

/**
 * T5 (seed 004: 列出可调价的产品清单，涉及哪些市场区域、哪些客户，调价的空间有多大): per product and
 * customer (or region), what was charged against the list price. A row is a candidate when it sold
 * `minDiscount` % or more under the list, or when its sales fell by `minDrop` % or more against the
 * previous period. The most money left under the list comes first (调价空间 = list amount − amount).
 */
async function priceCandidates(db: Db, actor: Actor, q: PriceCandidatesQuery, now: Date, timeZone: string): Promise<PriceCandidates> {
  const period = salesPeriod(q, now, timeZone);
  const byRegion = q.groupBy === 'region';
  const key = byRegion ? sql`coalesce(c.region, '')` : sql`s.customer_id::text`;
  const grouped = (from: string, to: string) => sql`
    SELECT s.product_id, ${key} AS k, min(s.code) AS code, min(s.name) AS name,
           sum(s.quantity) AS q, sum(s.list_amount) AS la, sum(s.amount) AS a
      FROM (${salesLines(actor, q, from, to)}) s JOIN customers c ON c.id = s.customer_id
     GROUP BY 1, 2`;
  const { rows } = await sql<CandidateRow>`
    WITH cur AS (${grouped(period.from, period.to)}),
         prev AS (${grouped(period.previousFrom, period.previousTo)}),
         product AS (SELECT product_id, 100 - sum(a) * 100 / NULLIF(sum(la), 0) AS d FROM cur GROUP BY 1),
         j AS (
           SELECT coalesce(cur.product_id, prev.product_id) AS product_id, coalesce(cur.k, prev.k) AS k,
                  coalesce(cur.code, prev.code) AS code, coalesce(cur.name, prev.name) AS name,
                  coalesce(cur.q, 0) AS q, coalesce(cur.la, 0) AS la, coalesce(cur.a, 0) AS a, coalesce(prev.a, 0) AS pa
             FROM cur FULL JOIN prev ON prev.product_id = cur.product_id AND prev.k = cur.k
         ),
         flagged AS (
           SELECT j.*, (la > 0 AND 100 - a * 100 / la >= ${q.minDiscount}) AS deep,
                  (pa > 0 AND (pa - a) * 100 / pa >= ${q.minDrop}) AS fell
             FROM j
         )
    SELECT f.product_id, f.code, f.name,
           ${byRegion ? sql`NULL::uuid` : sql`cu.id`} AS customer_id, ${byRegion ? sql`NULL` : sql`cu.name`} AS customer_name,
           ${byRegion ? sql`NULLIF(f.k, '')` : sql`cu.region`} AS region,
           ${quantity('f.q')} AS quantity, ${money('f.la')} AS list_amount, ${money('f.a')} AS amount,
           round(100 - f.a * 100 / NULLIF(f.la, 0), 2)::text AS discount, round(pd.d, 2)::text AS product_discount,
           ${money('f.la - f.a')} AS room, ${money('f.pa')} AS previous_amount,
           round((f.a - f.pa) * 100 / NULLIF(f.pa, 0), 1)::text AS change_percent,
           f.deep, f.fell, count(*) OVER ()::int AS total
      FROM flagged f
      LEFT JOIN product pd ON pd.product_id = f.product_id
      ${byRegion ? sql`` : sql`LEFT JOIN customers cu ON cu.id = f.k::uuid`}
     WHERE f.deep OR f.fell
     ORDER BY f.la - f.a DESC, f.pa - f.a DESC, f.code, f.k
     LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    ...period,
    items: rows.map((r) => ({
      productId: r.product_id,
      code: r.code,
      name: r.name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      region: r.region,
      quantity: r.quantity,
      listAmount: r.list_amount,
      amount: r.amount,
      discount: num(r.discount),
      productDiscount: num(r.product_discount),
      room: r.room,
      previousAmount: r.previous_amount,
      changePercent: num(r.change_percent),
      reasons: [...(r.deep ? (['discount'] as const) : []), ...(r.fell ? (['fell'] as const) : [])],
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type Item = PriceCandidates['items'][number];
const columns = (byRegion: boolean): ReportColumn<Item>[] => [
  { label: L.code, value: (i) => i.code },
  { label: L.product, value: (i) => i.name },
  ...(byRegion ? [] : [{ label: L.customer, value: (i: Item) => i.customerName }]),
  { label: L.region, value: (i) => i.region ?? L.noRegion },
  { label: L.quantity, value: (i) => i.quantity },
  { label: L.listAmount, value: (i) => i.listAmount },
  { label: L.amount, value: (i) => i.amount },
  { label: L.discount, value: (i) => i.discount },
  { label: L.productDiscount, value: (i) => i.productDiscount },
  { label: L.room, value: (i) => i.room },
  { label: L.previous, value: (i) => i.previousAmount },
  { label: L.changePercent, value: (i) => i.changePercent },
  { label: L.reasons, value: (i) => ({ 'zh-CN': why(i, 'zh-CN'), 'zh-TW': why(i, 'zh-TW'), en: why(i, 'en') }) },
];
const why = (i: Item, locale: 'zh-CN' | 'zh-TW' | 'en') => i.reasons.map((r) => REASON[r][locale]).join(locale === 'en' ? ', ' : '、');

export const priceCandidatesRoute = defineReport({
  path: '/reports/product-sales/price-candidates',
  summary: 'Products to reprice, by customer or region: deep discounts off the list, or sales that fell against the previous period',
  query: priceCandidatesQuery,
  response: priceCandidatesResponse,
  run: (env, actor, q) => priceCandidates(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '可调价产品清单', 'zh-TW': '可調價產品清單', en: 'Price-change candidates' },
    query: (q) => ({ ...q, page: 1, pageSize: 200 }),
    table: (r, { locale, query }) => reportTable(locale, tablePart(columns(query.groupBy === 'region'), r.items)),
  },
});
