import { createCustomerBody } from '@contracts/customers.js';
import { sql } from 'kysely';
import { OWNER_FIELD, companyNameKeys, flagProblem, importField, registerImport } from '../imports/public.js';
import { customerColumns } from './customer-mapping.js';

// C10: customers from a file. The headings match the export's (customer-export.ts), so an exported
// file imports back as it is.
registerImport({
  entity: 'customers',
  label: { 'zh-CN': '客户', 'zh-TW': '客戶', en: 'Customers' },
  historyEntity: 'customer',
  module: 'customers',
  table: 'customers',
  fields: [
    {
      ...importField('name', { 'zh-CN': '客户名称', 'zh-TW': '客戶名稱', en: 'Name' }, { type: 'text' }, [
        '公司名称',
        '企业名称',
        '单位名称',
        '客户',
        'company',
        'customer',
      ]),
      required: true,
    },
    importField('shortName', { 'zh-CN': '简称', 'zh-TW': '簡稱', en: 'Short name' }, { type: 'text' }, ['客户简称', '公司简称']),
    importField('industry', { 'zh-CN': '行业', 'zh-TW': '行業', en: 'Industry' }, { type: 'picklist', list: 'industry' }, ['所属行业']),
    importField('source', { 'zh-CN': '客户来源', 'zh-TW': '客戶來源', en: 'Source' }, { type: 'picklist', list: 'customer_source' }, [
      '来源',
      '渠道',
    ]),
    importField('grade', { 'zh-CN': '客户等级', 'zh-TW': '客戶等級', en: 'Grade' }, { type: 'picklist', list: 'customer_grade' }, [
      '等级',
      '级别',
      '客户级别',
    ]),
    importField(
      'customerType',
      { 'zh-CN': '客户类型', 'zh-TW': '客戶類型', en: 'Type' },
      {
        type: 'choice',
        choices: {
          development: ['开发客户', '開發客戶', 'Development', '新客户'],
          retention: ['维护客户', '維護客戶', 'Retention', '老客户'],
          project: ['项目客户', '專案客戶', 'Project'],
        },
      },
      ['类型'],
    ),
    importField('region', { 'zh-CN': '所在地区', 'zh-TW': '所在地區', en: 'Region' }, { type: 'text' }, ['地区', '省市', '城市', '区域']),
    importField('address', { 'zh-CN': '详细地址', 'zh-TW': '詳細地址', en: 'Address' }, { type: 'text' }, ['地址', '公司地址']),
    importField('phone', { 'zh-CN': '公司电话', 'zh-TW': '公司電話', en: 'Phone' }, { type: 'text' }, ['电话', '座机', '联系电话', 'tel']),
    importField('website', { 'zh-CN': '官网', 'zh-TW': '官網', en: 'Website' }, { type: 'text' }, ['网址', '网站', '公司网址']),
    importField('tags', { 'zh-CN': '标签', 'zh-TW': '標籤', en: 'Tags' }, { type: 'tags' }),
    importField('isKey', { 'zh-CN': '重点客户', 'zh-TW': '重點客戶', en: 'Key customer' }, { type: 'bool' }, ['是否重点', '重点']),
    importField(
      'followUpCycleDays',
      { 'zh-CN': '跟进周期（天）', 'zh-TW': '跟進週期（天）', en: 'Follow-up cycle (days)' },
      { type: 'int' },
      ['跟进周期'],
    ),
    importField('creditLimit', { 'zh-CN': '信用额度', 'zh-TW': '信用額度', en: 'Credit limit' }, { type: 'money' }),
    importField('remarks', { 'zh-CN': '备注', 'zh-TW': '備註', en: 'Remarks' }, { type: 'text' }, ['说明', '描述']),
    OWNER_FIELD,
  ],
  schema: createCustomerBody,
  returning: sql`id, lower(name) AS k`,
  uniqueKey: { field: 'name', of: (values) => String(values.name).toLowerCase() },
  columns: (b) => {
    const { owner_id: _owner, ...values } = customerColumns(b);
    if (b.grade) values.grade_source = 'manual';
    return values;
  },
  async duplicates(db, ctx, batch) {
    const names = batch.map((c) => String(c.body.name));
    const keys = await companyNameKeys(db, names);
    const lowers = names.map((n) => n.toLowerCase());
    const phones = batch.map((c) => (c.body.phone as string | null) ?? null);
    const existing = await sql<{ l: string; k: string; p: string | null }>`
      SELECT lower(name) AS l, name_key AS k, phone AS p FROM customers
       WHERE deleted_at IS NULL
         AND (lower(name) = ANY(${lowers}::text[]) OR name_key = ANY(${keys}::text[])
              OR phone = ANY(${phones.filter(Boolean)}::text[]))`.execute(db);
    const byLower = new Set(existing.rows.map((r) => r.l));
    const byKey = new Set(existing.rows.map((r) => r.k));
    const byPhone = new Set(existing.rows.map((r) => r.p).filter(Boolean));
    batch.forEach((c, i) => {
      // Names are unique among live customers whatever the policy (C1).
      if (byLower.has(lowers[i])) flagProblem(c, 'name', ctx.message('import_duplicate'));
      else if (ctx.seen.has(`l:${lowers[i]}`)) flagProblem(c, 'name', ctx.message('import_duplicate_in_file'));
      else if (ctx.skipDuplicates && byKey.has(keys[i])) flagProblem(c, 'name', ctx.message('import_duplicate'));
      else if (ctx.skipDuplicates && ctx.seen.has(`k:${keys[i]}`)) flagProblem(c, 'name', ctx.message('import_duplicate_in_file'));
      else if (ctx.skipDuplicates && phones[i] && byPhone.has(phones[i])) flagProblem(c, 'phone', ctx.message('import_duplicate'));
      else if (ctx.skipDuplicates && phones[i] && ctx.seen.has(`p:${phones[i]}`))
        flagProblem(c, 'phone', ctx.message('import_duplicate_in_file'));
      ctx.seen.add(`l:${lowers[i]}`);
      ctx.seen.add(`k:${keys[i]}`);
      if (phones[i]) ctx.seen.add(`p:${phones[i]}`);
    });
  },
});
