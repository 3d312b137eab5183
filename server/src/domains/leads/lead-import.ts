import { createLeadBody } from '@contracts/leads.js';
import { sql } from 'kysely';
import { OWNER_FIELD, companyNameKeys, flagProblem, importField, personDuplicates, registerImport } from '../imports/public.js';
import { leadColumns } from './lead-service.js';

// C10: leads from a file; a company that is already a customer or an open lead is not new business.
// The headings match the export's (lead-export.ts).
registerImport({
  entity: 'leads',
  label: { 'zh-CN': '线索', 'zh-TW': '線索', en: 'Leads' },
  historyEntity: 'lead',
  module: 'leads',
  table: 'leads',
  fields: [
    {
      ...importField('company', { 'zh-CN': '公司名称', 'zh-TW': '公司名稱', en: 'Company' }, { type: 'text' }, [
        '客户名称',
        '企业名称',
        '单位名称',
        '公司',
      ]),
      required: true,
    },
    importField('contactName', { 'zh-CN': '联系人', 'zh-TW': '聯絡人', en: 'Contact' }, { type: 'text' }, ['姓名', '联系人姓名']),
    importField('title', { 'zh-CN': '职务', 'zh-TW': '職務', en: 'Title' }, { type: 'text' }, ['职位']),
    importField('mobile', { 'zh-CN': '手机', 'zh-TW': '手機', en: 'Mobile' }, { type: 'text' }, ['手机号', '手机号码']),
    importField('phone', { 'zh-CN': '电话', 'zh-TW': '電話', en: 'Phone' }, { type: 'text' }, ['座机', '联系电话']),
    importField('email', { 'zh-CN': '邮箱', 'zh-TW': '信箱', en: 'E-mail' }, { type: 'text' }, ['电子邮箱', 'email']),
    importField('region', { 'zh-CN': '地区', 'zh-TW': '地區', en: 'Region' }, { type: 'text' }, ['所在地区', '省市', '城市']),
    importField('industry', { 'zh-CN': '行业', 'zh-TW': '行業', en: 'Industry' }, { type: 'picklist', list: 'industry' }, ['所属行业']),
    importField('source', { 'zh-CN': '来源', 'zh-TW': '來源', en: 'Source' }, { type: 'picklist', list: 'customer_source' }, [
      '线索来源',
      '渠道',
    ]),
    importField('remarks', { 'zh-CN': '备注', 'zh-TW': '備註', en: 'Remarks' }, { type: 'text' }, ['说明', '需求']),
    OWNER_FIELD,
  ],
  schema: createLeadBody,
  columns: (b) => leadColumns(b),
  returning: sql`id, NULL AS k`,
  async duplicates(db, ctx, batch) {
    if (!ctx.skipDuplicates) return;
    const names = batch.map((c) => String(c.body.company));
    const keys = await companyNameKeys(db, names);
    const { rows } = await sql<{ k: string }>`
      SELECT name_key AS k FROM customers WHERE deleted_at IS NULL AND name_key = ANY(${keys}::text[])
      UNION SELECT company_key FROM leads WHERE deleted_at IS NULL AND status <> 'converted' AND company_key = ANY(${keys}::text[])`.execute(
      db,
    );
    const known = new Set(rows.map((r) => r.k));
    batch.forEach((c, i) => {
      if (c.problems.length > 0) return;
      if (known.has(keys[i])) flagProblem(c, 'company', ctx.message('import_duplicate'));
      else if (ctx.seen.has(`k:${keys[i]}`)) flagProblem(c, 'company', ctx.message('import_duplicate_in_file'));
      ctx.seen.add(`k:${keys[i]}`);
    });
    await personDuplicates(
      db,
      ctx,
      batch.filter((c) => c.problems.length === 0),
      'leads',
      sql`status <> 'converted'`,
    );
  },
});
