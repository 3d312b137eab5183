import { createContactBody } from '@contracts/contacts.js';
import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { flagProblem, importField, personDuplicates, registerImport } from '../imports/public.js';
import { clearOtherPrimaries, contactColumns } from './contact-service.js';

const lowerOrNull = (v: unknown) => (typeof v === 'string' && v ? v.toLowerCase() : null);

// C10: contacts from a file, each attached to a customer the importer can see, by its name. The
// headings match the export's (contact-export.ts).
registerImport({
  entity: 'contacts',
  label: { 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'Contacts' },
  historyEntity: 'contact',
  module: 'contacts',
  table: 'contacts',
  fields: [
    {
      ...importField('name', { 'zh-CN': '姓名', 'zh-TW': '姓名', en: 'Name' }, { type: 'text' }, ['联系人', '联系人姓名', 'contact']),
      required: true,
    },
    {
      ...importField('customerId', { 'zh-CN': '所属客户', 'zh-TW': '所屬客戶', en: 'Customer' }, { type: 'reference' }, [
        '客户名称',
        '客户',
        '公司名称',
        '公司',
        'company',
      ]),
      required: true,
      hint: {
        'zh-CN': '填客户全称，须是您能看到的客户',
        'zh-TW': '填客戶全稱，須是您能看到的客戶',
        en: 'Full name of a customer you can see',
      },
    },
    importField('title', { 'zh-CN': '职务', 'zh-TW': '職務', en: 'Title' }, { type: 'text' }, ['职位', '岗位']),
    importField('department', { 'zh-CN': '部门', 'zh-TW': '部門', en: 'Department' }, { type: 'text' }, ['所在部门']),
    importField('role', { 'zh-CN': '角色', 'zh-TW': '角色', en: 'Role' }, { type: 'picklist', list: 'contact_role' }, ['决策角色']),
    importField('mobile', { 'zh-CN': '手机', 'zh-TW': '手機', en: 'Mobile' }, { type: 'text' }, ['手机号', '手机号码', '移动电话']),
    importField('phone', { 'zh-CN': '电话', 'zh-TW': '電話', en: 'Phone' }, { type: 'text' }, ['座机', '办公电话', 'tel']),
    importField('email', { 'zh-CN': '邮箱', 'zh-TW': '信箱', en: 'E-mail' }, { type: 'text' }, ['电子邮箱', '邮件', 'email', '電子郵件']),
    importField('birthday', { 'zh-CN': '生日', 'zh-TW': '生日', en: 'Birthday' }, { type: 'date' }, ['出生日期']),
    importField('isPrimary', { 'zh-CN': '主要联系人', 'zh-TW': '主要聯絡人', en: 'Primary' }, { type: 'bool' }, [
      '是否主要联系人',
      '首要联系人',
    ]),
    importField('notes', { 'zh-CN': '备注', 'zh-TW': '備註', en: 'Notes' }, { type: 'text' }, ['说明']),
  ],
  schema: createContactBody,
  columns: (b) => contactColumns(b as Parameters<typeof contactColumns>[0]),
  returning: sql`id, customer_id AS k, is_primary`,
  // A new primary contact takes over from the customer's previous one.
  async afterInsert(trx, actor, inserted) {
    const primaries = inserted.filter((r) => r.is_primary);
    await clearOtherPrimaries(
      trx,
      actor,
      primaries.map((p) => p.k as string),
      primaries.map((p) => p.id),
    );
  },
  async resolve(db, ctx, batch) {
    const wanted = [...new Set(batch.map((c) => lowerOrNull(c.body.customerId)).filter(Boolean) as string[])];
    if (wanted.length === 0) return;
    // A contact belongs to a customer the importer can see, and to that customer's owner.
    const { rows } = await sql<{ l: string; id: string; owner_id: string; owner_dept_id: string | null }>`
      SELECT lower(name) AS l, id, owner_id, owner_dept_id FROM customers
       WHERE deleted_at IS NULL AND owner_id IS NOT NULL AND lower(name) = ANY(${wanted}::text[])
         AND ${scopeFilter(ctx.actor)}`.execute(db);
    const byName = new Map(rows.map((r) => [r.l, r]));
    for (const c of batch) {
      const name = lowerOrNull(c.body.customerId);
      if (!name) continue;
      const hit = byName.get(name);
      if (hit) {
        c.body.customerId = hit.id;
        c.ownerId = hit.owner_id;
        c.ownerDeptId = hit.owner_dept_id;
      } else {
        delete c.body.customerId;
        flagProblem(c, 'customerId', ctx.message('import_customer_missing'), false);
      }
    }
  },
  async duplicates(db, ctx, batch) {
    await personDuplicates(db, ctx, batch, 'contacts');
  },
});
