import { type Label, label } from '../../platform/reports/report-table.js';

// Column headings of the report files, in the words of the report pages (web messages.ts).

export const L = {
  code: label('产品编码', '產品編碼', 'Code'),
  product: label('产品', '產品', 'Product'),
  category: label('产品分类', '產品分類', 'Category'),
  uncategorised: label('未分类', '未分類', 'Uncategorised'),
  quantity: label('数量', '數量', 'Quantity'),
  amount: label('销售额', '銷售額', 'Sales'),
  share: label('占比（%）', '占比（%）', 'Share (%)'),
  products: label('产品数', '產品數', 'Products'),
  previous: label('上期销售额', '上期銷售額', 'Previous period'),
  change: label('增减', '增減', 'Change'),
  changePercent: label('增减（%）', '增減（%）', 'Change (%)'),
  list: label('榜单', '榜單', 'List'),
  best: label('畅销', '暢銷', 'Best seller'),
  slow: label('滞销', '滯銷', 'Slow seller'),
  customer: label('客户', '客戶', 'Customer'),
  region: label('区域', '區域', 'Region'),
  noRegion: label('未填区域', '未填區域', 'No region'),
  listAmount: label('按标准价', '按標準價', 'At list price'),
  discount: label('折让（%）', '折讓（%）', 'Off list (%)'),
  productDiscount: label('该产品平均折让（%）', '該產品平均折讓（%）', 'Product average off list (%)'),
  room: label('调价空间', '調價空間', 'Room to raise'),
  reasons: label('原因', '原因', 'Why'),
} as const;

export const REASON: Record<'discount' | 'fell', Label> = {
  discount: label('折让大', '折讓大', 'Deep discount'),
  fell: label('销量下滑', '銷量下滑', 'Sales fell'),
};
