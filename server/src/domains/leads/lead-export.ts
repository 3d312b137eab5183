import { leadListQuery } from '@contracts/leads.js';
import { z } from 'zod';
import { OWNER_COLUMNS, STAMP_COLUMNS, column, registerExport } from '../exports/public.js';
import { listLeads } from './lead-service.js';

const STATUSES = {
  'zh-CN': { new: '新线索', contacted: '已联系', qualified: '有效', disqualified: '无效', converted: '已转化' },
  'zh-TW': { new: '新線索', contacted: '已聯繫', qualified: '有效', disqualified: '無效', converted: '已轉換' },
  en: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', disqualified: 'Disqualified', converted: 'Converted' },
};

// C9/C10: the lead list (or the lead pool, with pool=true) as a file, with the import's headings (lead-import.ts).
registerExport({
  entity: 'leads',
  module: 'leads',
  query: leadListQuery.extend({ pool: z.enum(['true', 'false']).optional() }),
  list: (db, actor, _ctx, { pool, ...filters }, page, pageSize) =>
    listLeads(db, actor, { ...filters, page, pageSize }, { pool: pool === 'true' }),
  fileName: { 'zh-CN': '线索', 'zh-TW': '線索', en: 'leads' },
  columns: [
    column({ 'zh-CN': '公司名称', 'zh-TW': '公司名稱', en: 'Company' }, 'company'),
    column({ 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'Contact' }, 'contactName'),
    column({ 'zh-CN': '职务', 'zh-TW': '職務', en: 'Title' }, 'title'),
    column({ 'zh-CN': '手机', 'zh-TW': '手機', en: 'Mobile' }, 'mobile'),
    column({ 'zh-CN': '电话', 'zh-TW': '電話', en: 'Phone' }, 'phone'),
    column({ 'zh-CN': '邮箱', 'zh-TW': '信箱', en: 'E-mail' }, 'email'),
    column({ 'zh-CN': '地区', 'zh-TW': '地區', en: 'Region' }, 'region'),
    column({ 'zh-CN': '行业', 'zh-TW': '行業', en: 'Industry' }, 'industry', { picklist: 'industry' }),
    column({ 'zh-CN': '来源', 'zh-TW': '來源', en: 'Source' }, 'source', { picklist: 'customer_source' }),
    column({ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, 'status', { codes: STATUSES }),
    column({ 'zh-CN': '无效原因', 'zh-TW': '無效原因', en: 'Disqualified because' }, 'disqualifyReason'),
    column({ 'zh-CN': '备注', 'zh-TW': '備註', en: 'Remarks' }, 'remarks'),
    ...OWNER_COLUMNS,
    ...STAMP_COLUMNS,
  ],
});
