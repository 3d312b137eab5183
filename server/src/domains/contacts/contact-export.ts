import { contactListQuery } from '@contracts/contacts.js';
import { OWNER_COLUMNS, STAMP_COLUMNS, column, registerExport } from '../exports/public.js';
import { listContacts } from './contact-service.js';

// C9/C10: the contact list as a file, with the import's headings (contact-import.ts).
registerExport({
  entity: 'contacts',
  module: 'contacts',
  query: contactListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listContacts(db, actor, { ...filters, page, pageSize }),
  fileName: { 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'contacts' },
  columns: [
    column({ 'zh-CN': '姓名', 'zh-TW': '姓名', en: 'Name' }, 'name'),
    column({ 'zh-CN': '所属客户', 'zh-TW': '所屬客戶', en: 'Customer' }, 'customerName'),
    column({ 'zh-CN': '职务', 'zh-TW': '職務', en: 'Title' }, 'title'),
    column({ 'zh-CN': '部门', 'zh-TW': '部門', en: 'Department' }, 'department'),
    column({ 'zh-CN': '角色', 'zh-TW': '角色', en: 'Role' }, 'role', { picklist: 'contact_role' }),
    column({ 'zh-CN': '手机', 'zh-TW': '手機', en: 'Mobile' }, 'mobile'),
    column({ 'zh-CN': '电话', 'zh-TW': '電話', en: 'Phone' }, 'phone'),
    column({ 'zh-CN': '邮箱', 'zh-TW': '信箱', en: 'E-mail' }, 'email'),
    column({ 'zh-CN': '生日', 'zh-TW': '生日', en: 'Birthday' }, 'birthday'),
    column({ 'zh-CN': '主要联系人', 'zh-TW': '主要聯絡人', en: 'Primary' }, 'isPrimary', 'bool'),
    column({ 'zh-CN': '备注', 'zh-TW': '備註', en: 'Notes' }, 'notes'),
    ...OWNER_COLUMNS,
    ...STAMP_COLUMNS,
  ],
});
