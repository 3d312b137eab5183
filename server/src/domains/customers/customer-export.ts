import { customerListQuery } from '@contracts/customers.js';
import { OWNER_COLUMNS, STAMP_COLUMNS, column, registerExport } from '../exports/public.js';
import { listCustomers } from './customer-service.js';

const CUSTOMER_TYPES = {
  'zh-CN': { development: '开发客户', retention: '维护客户', project: '项目客户' },
  'zh-TW': { development: '開發客戶', retention: '維護客戶', project: '專案客戶' },
  en: { development: 'Development', retention: 'Retention', project: 'Project' },
};

// C9/C10: the customer list as a file. The headings are the import's (customer-import.ts), so an
// exported file imports back as it is.
registerExport({
  entity: 'customers',
  module: 'customers',
  query: customerListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listCustomers(db, actor, { ...filters, page, pageSize }),
  fileName: { 'zh-CN': '客户', 'zh-TW': '客戶', en: 'customers' },
  columns: [
    column({ 'zh-CN': '客户名称', 'zh-TW': '客戶名稱', en: 'Name' }, 'name'),
    column({ 'zh-CN': '简称', 'zh-TW': '簡稱', en: 'Short name' }, 'shortName'),
    column({ 'zh-CN': '行业', 'zh-TW': '行業', en: 'Industry' }, 'industry', { picklist: 'industry' }),
    column({ 'zh-CN': '客户来源', 'zh-TW': '客戶來源', en: 'Source' }, 'source', { picklist: 'customer_source' }),
    column({ 'zh-CN': '客户等级', 'zh-TW': '客戶等級', en: 'Grade' }, 'grade', { picklist: 'customer_grade' }),
    column({ 'zh-CN': '客户类型', 'zh-TW': '客戶類型', en: 'Type' }, 'customerType', { codes: CUSTOMER_TYPES }),
    column({ 'zh-CN': '所在地区', 'zh-TW': '所在地區', en: 'Region' }, 'region'),
    column({ 'zh-CN': '详细地址', 'zh-TW': '詳細地址', en: 'Address' }, 'address'),
    column({ 'zh-CN': '公司电话', 'zh-TW': '公司電話', en: 'Phone' }, 'phone'),
    column({ 'zh-CN': '官网', 'zh-TW': '官網', en: 'Website' }, 'website'),
    { header: { 'zh-CN': '标签', 'zh-TW': '標籤', en: 'Tags' }, value: (i) => (i.tags as string[]).join('、') },
    column({ 'zh-CN': '重点客户', 'zh-TW': '重點客戶', en: 'Key customer' }, 'isKey', 'bool'),
    column({ 'zh-CN': '信用额度', 'zh-TW': '信用額度', en: 'Credit limit' }, 'creditLimit', 'money'),
    column({ 'zh-CN': '主要联系人', 'zh-TW': '主要聯絡人', en: 'Primary contact' }, 'primaryContactName'),
    column({ 'zh-CN': '备注', 'zh-TW': '備註', en: 'Remarks' }, 'remarks'),
    ...OWNER_COLUMNS,
    ...STAMP_COLUMNS,
  ],
});
