import { createProductBody } from '@contracts/products.js';
import { sql } from 'kysely';
import { flagProblem, importField, registerImport } from '../imports/public.js';
import { canSeeCosts } from './product-costs.js';
import { productColumns } from './product-service.js';

const lower = (v: unknown) => (typeof v === 'string' && v ? v.toLowerCase() : null);

// Q1: plain products from a file (bundles are put together in the form). The headings match the
// export's (product-export.ts); the category is named, the code must be new.
registerImport({
  entity: 'products',
  label: { 'zh-CN': '产品', 'zh-TW': '產品', en: 'Products' },
  historyEntity: 'product',
  module: 'products',
  table: 'products',
  fields: [
    {
      ...importField('code', { 'zh-CN': '产品编码', 'zh-TW': '產品編碼', en: 'Code' }, { type: 'text' }, [
        '编码',
        '产品代码',
        '物料编码',
        'SKU',
      ]),
      required: true,
    },
    {
      ...importField('name', { 'zh-CN': '产品名称', 'zh-TW': '產品名稱', en: 'Name' }, { type: 'text' }, ['名称', '品名', '产品']),
      required: true,
    },
    importField('specification', { 'zh-CN': '规格型号', 'zh-TW': '規格型號', en: 'Specification' }, { type: 'text' }, ['规格', '型号']),
    { ...importField('unit', { 'zh-CN': '单位', 'zh-TW': '單位', en: 'Unit' }, { type: 'text' }, ['计量单位']), required: true },
    {
      ...importField('categoryId', { 'zh-CN': '产品分类', 'zh-TW': '產品分類', en: 'Category' }, { type: 'reference' }, ['分类', '类别']),
      hint: { 'zh-CN': '填已有分类的名称', 'zh-TW': '填已有分類的名稱', en: 'Name of an existing category' },
    },
    {
      ...importField('listPrice', { 'zh-CN': '标准售价', 'zh-TW': '標準售價', en: 'List price' }, { type: 'money' }, [
        '售价',
        '单价',
        '价格',
      ]),
      required: true,
    },
    {
      ...importField('costPrice', { 'zh-CN': '成本价', 'zh-TW': '成本價', en: 'Cost price' }, { type: 'money' }, ['成本', '采购价']),
      hint: { 'zh-CN': '须有查看成本的权限', 'zh-TW': '須有查看成本的權限', en: 'Needs permission to see costs' },
    },
    importField('taxRate', { 'zh-CN': '税率(%)', 'zh-TW': '稅率(%)', en: 'Tax rate (%)' }, { type: 'text' }, ['税率', '稅率']),
    importField('active', { 'zh-CN': '启用', 'zh-TW': '啟用', en: 'Active' }, { type: 'bool' }, ['是否启用', '上架']),
    importField('description', { 'zh-CN': '产品说明', 'zh-TW': '產品說明', en: 'Description' }, { type: 'text' }, ['说明', '描述', '备注']),
  ],
  schema: createProductBody,
  columns: (b) => productColumns({ ...b, kind: 'product' }),
  returning: sql`id, lower(code) AS k`,
  uniqueKey: { field: 'code', of: (values) => String(values.code).toLowerCase() },
  async resolve(db, ctx, batch) {
    // Q1 field permission: a cost price is refused, not dropped, so nobody thinks it was saved.
    if (!canSeeCosts(ctx.actor)) {
      for (const c of batch.filter((c) => c.body.costPrice !== undefined)) {
        delete c.body.costPrice;
        flagProblem(c, 'costPrice', ctx.message('cost_hidden'), false);
      }
    }
    const wanted = [...new Set(batch.map((c) => lower(c.body.categoryId)).filter(Boolean) as string[])];
    if (wanted.length === 0) return;
    const { rows } = await sql<{ l: string; ids: string[] }>`
      SELECT lower(name) AS l, array_agg(id::text) AS ids FROM product_categories WHERE lower(name) = ANY(${wanted}::text[]) GROUP BY 1`.execute(
      db,
    );
    const byName = new Map(rows.map((r) => [r.l, r.ids]));
    for (const c of batch) {
      const name = lower(c.body.categoryId);
      if (!name) continue;
      const ids = byName.get(name) ?? [];
      if (ids.length === 1) c.body.categoryId = ids[0];
      else {
        delete c.body.categoryId;
        flagProblem(c, 'categoryId', ctx.message(ids.length ? 'import_category_ambiguous' : 'import_category_missing'), false);
      }
    }
  },
  async duplicates(db, ctx, batch) {
    const codes = batch.map((c) => String(c.body.code).toLowerCase());
    const { rows } = await sql<{ k: string }>`
      SELECT lower(code) AS k FROM products WHERE deleted_at IS NULL AND lower(code) = ANY(${codes}::text[])`.execute(db);
    const taken = new Set(rows.map((r) => r.k));
    batch.forEach((c, i) => {
      if (taken.has(codes[i])) flagProblem(c, 'code', ctx.message('import_duplicate'));
      else if (ctx.seen.has(`product:${codes[i]}`)) flagProblem(c, 'code', ctx.message('import_duplicate_in_file'));
      ctx.seen.add(`product:${codes[i]}`);
    });
  },
});
