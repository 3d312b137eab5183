import { type ProductShares, productSharesQuery, productSharesResponse, type SalesFilters } from '@contracts/sales-reports.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { L } from './sales-labels.js';
import { money, quantity, salesLines } from './sales-lines.js';
import { salesPeriod } from './sales-period.js';

interface ProductRow {
  kind: 'product' | 'category';
  id: string | null;
  parent_id: string | null;
  code: string | null;
  name: string | null;
  quantity: string;
  amount: string;
  share: string | null;
  products: number;
  total: string;
}

/**
 * T5 (seed 004: 哪些产品占销售比重较大，哪些很小): each product's and each category's share of the
 * period's sales, biggest first. One statement: products, then their categories, then the total.
 */
async function productShares(db: Db, actor: Actor, q: SalesFilters, now: Date, timeZone: string): Promise<ProductShares> {
  const { from, to } = salesPeriod(q, now, timeZone);
  const { rows } = await sql<ProductRow>`
    WITH per AS (
      SELECT product_id, code, name, category_id, sum(quantity) AS q, sum(amount) AS a
        FROM (${salesLines(actor, q, from, to)}) s GROUP BY product_id, code, name, category_id
    ), whole AS (SELECT sum(a) AS t FROM per)
    SELECT 'product' AS kind, per.product_id AS id, per.category_id AS parent_id, per.code, per.name,
           ${quantity('per.q')} AS quantity, ${money('per.a')} AS amount,
           round(per.a * 100 / NULLIF(whole.t, 0), 1)::text AS share, 1 AS products, ${money('whole.t')} AS total
      FROM per, whole
    UNION ALL
    SELECT 'category', g.category_id, pc.parent_id, NULL, pc.name, ${quantity('g.q')}, ${money('g.a')},
           round(g.a * 100 / NULLIF(whole.t, 0), 1)::text, g.n, ${money('whole.t')}
      FROM (SELECT category_id, sum(q) AS q, sum(a) AS a, count(*)::int AS n FROM per GROUP BY category_id) g
      LEFT JOIN product_categories pc ON pc.id = g.category_id, whole`.execute(db);
  // A catalogue's worth of rows at most: sorted here on the exact figures.
  const byAmount = (a: ProductRow, b: ProductRow) =>
    compareDecimal(b.amount, a.amount) || (a.code ?? a.name ?? '').localeCompare(b.code ?? b.name ?? '');
  const products = rows.filter((r) => r.kind === 'product').sort(byAmount);
  const categories = rows.filter((r) => r.kind === 'category').sort(byAmount);
  return {
    from,
    to,
    total: rows[0]?.total ?? '0.00',
    products: products.map((r) => ({
      productId: r.id as string,
      code: r.code ?? '',
      name: r.name ?? '',
      categoryId: r.parent_id,
      quantity: r.quantity,
      amount: r.amount,
      share: Number(r.share ?? 0),
    })),
    categories: categories.map((r) => ({
      categoryId: r.id,
      parentId: r.parent_id,
      name: r.name,
      amount: r.amount,
      share: Number(r.share ?? 0),
      products: r.products,
    })),
  };
}

/** Two decimal strings compared exactly (no floats): by sign, then length of the integer part, then digits. */
function compareDecimal(a: string, b: string): number {
  const neg = (s: string) => s.startsWith('-');
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const [ai, af = ''] = a.replace('-', '').split('.');
  const [bi, bf = ''] = b.replace('-', '').split('.');
  const width = Math.max(af.length, bf.length);
  const x = ai.padStart(20, '0') + af.padEnd(width, '0');
  const y = bi.padStart(20, '0') + bf.padEnd(width, '0');
  const c = x < y ? -1 : x > y ? 1 : 0;
  return neg(a) ? -c : c;
}

type Product = ProductShares['products'][number];
type Category = ProductShares['categories'][number];

const PRODUCT_COLUMNS: ReportColumn<Product & { category: string | null }>[] = [
  { label: L.code, value: (p) => p.code },
  { label: L.product, value: (p) => p.name },
  { label: L.category, value: (p) => p.category ?? L.uncategorised },
  { label: L.quantity, value: (p) => p.quantity },
  { label: L.amount, value: (p) => p.amount },
  { label: L.share, value: (p) => p.share },
];
const CATEGORY_COLUMNS: ReportColumn<Category>[] = [
  { label: L.category, value: (c) => c.name ?? L.uncategorised },
  { label: L.products, value: (c) => c.products },
  { label: L.amount, value: (c) => c.amount },
  { label: L.share, value: (c) => c.share },
];

export const productSharesRoute = defineReport({
  path: '/reports/product-sales/shares',
  summary: "Each product's and category's share of sales (effective contract lines and confirmed orders) in a period",
  query: productSharesQuery,
  response: productSharesResponse,
  run: (env, actor, q) => productShares(env.db, actor, q, env.now, env.timeZone),
  download: {
    fileName: { 'zh-CN': '产品销售占比', 'zh-TW': '產品銷售占比', en: 'Product sales shares' },
    table: (r, { locale }) => {
      const names = new Map(r.categories.map((c) => [c.categoryId, c.name]));
      const products = r.products.map((p) => ({ ...p, category: names.get(p.categoryId) ?? null }));
      return reportTable(locale, tablePart(PRODUCT_COLUMNS, products), tablePart(CATEGORY_COLUMNS, r.categories));
    },
  },
});
