import { productListQuery } from '@contracts/products.js';
import { column, type ExportColumn, registerExport, STAMP_COLUMNS } from '../exports/public.js';
import { canSeeCosts } from './product-costs.js';
import { listProducts } from './product-service.js';

const KINDS = {
  'zh-CN': { product: '产品', bundle: '套餐' },
  'zh-TW': { product: '產品', bundle: '套餐' },
  en: { product: 'Product', bundle: 'Bundle' },
};

/** Q1 field permission: without product_costs:view these columns (headings too) are not in the file. */
const costColumn = (c: ExportColumn): ExportColumn => ({ ...c, visibleTo: canSeeCosts });

// Q1: the catalogue as a file, with the import's headings (product-import.ts), so it imports back.
registerExport({
  entity: 'products',
  module: 'products',
  query: productListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listProducts(db, actor, { ...filters, page, pageSize }),
  fileName: { 'zh-CN': '产品', 'zh-TW': '產品', en: 'products' },
  columns: [
    column({ 'zh-CN': '产品编码', 'zh-TW': '產品編碼', en: 'Code' }, 'code'),
    column({ 'zh-CN': '产品名称', 'zh-TW': '產品名稱', en: 'Name' }, 'name'),
    column({ 'zh-CN': '规格型号', 'zh-TW': '規格型號', en: 'Specification' }, 'specification'),
    column({ 'zh-CN': '单位', 'zh-TW': '單位', en: 'Unit' }, 'unit'),
    column({ 'zh-CN': '类型', 'zh-TW': '類型', en: 'Kind' }, 'kind', { codes: KINDS }),
    column({ 'zh-CN': '产品分类', 'zh-TW': '產品分類', en: 'Category' }, 'categoryName'),
    column({ 'zh-CN': '标准售价', 'zh-TW': '標準售價', en: 'List price' }, 'listPrice', 'money'),
    costColumn(column({ 'zh-CN': '成本价', 'zh-TW': '成本價', en: 'Cost price' }, 'costPrice', 'money')),
    costColumn(column({ 'zh-CN': '毛利', 'zh-TW': '毛利', en: 'Gross margin' }, 'grossMargin', 'money')),
    costColumn(column({ 'zh-CN': '毛利率(%)', 'zh-TW': '毛利率(%)', en: 'Margin (%)' }, 'grossMarginRate')),
    column({ 'zh-CN': '税率(%)', 'zh-TW': '稅率(%)', en: 'Tax rate (%)' }, 'taxRate'),
    column({ 'zh-CN': '启用', 'zh-TW': '啟用', en: 'Active' }, 'active', 'bool'),
    column({ 'zh-CN': '产品说明', 'zh-TW': '產品說明', en: 'Description' }, 'description'),
    ...STAMP_COLUMNS,
  ],
});
