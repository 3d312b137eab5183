import type { Locale } from '@contracts/common.js';
import type { ImportEntity } from '@contracts/imports.js';
import { AppError } from '../../platform/http/errors.js';

export type FieldKind =
  | { type: 'text' }
  | { type: 'bool' }
  | { type: 'tags' }
  | { type: 'int' }
  | { type: 'money' }
  | { type: 'date' }
  | { type: 'picklist'; list: string }
  | { type: 'choice'; choices: Record<string, string[]> }
  /** A colleague by display name or user name; the importer when blank. */
  | { type: 'owner' }
  /** A customer the importer can see, by its name. */
  | { type: 'customer' };

/** A field an import can fill: the API key, its heading in each language and other headings people use. */
export interface ImportField {
  key: string;
  label: Record<Locale, string>;
  aliases?: string[];
  required?: boolean;
  kind: FieldKind;
  hint?: Record<Locale, string>;
}

const f = (key: string, zhCN: string, zhTW: string, en: string, kind: FieldKind = { type: 'text' }, aliases: string[] = []) => ({
  key,
  label: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  kind,
  aliases,
});

const OWNER: ImportField = {
  ...f('ownerId', '负责人', '負責人', 'Owner', { type: 'owner' }, ['销售', '业务员', '跟进人', '所属销售', 'sales rep']),
  hint: { 'zh-CN': '填姓名或账号，留空归导入人', 'zh-TW': '填姓名或帳號，留空歸匯入人', en: 'Name or user name; blank means you' },
};

// The headings match the export's (export-columns.ts), so an exported file imports back as it is.
export const IMPORT_FIELDS: Record<ImportEntity, ImportField[]> = {
  customers: [
    {
      ...f('name', '客户名称', '客戶名稱', 'Name', { type: 'text' }, ['公司名称', '企业名称', '单位名称', '客户', 'company', 'customer']),
      required: true,
    },
    f('shortName', '简称', '簡稱', 'Short name', { type: 'text' }, ['客户简称', '公司简称']),
    f('industry', '行业', '行業', 'Industry', { type: 'picklist', list: 'industry' }, ['所属行业']),
    f('source', '客户来源', '客戶來源', 'Source', { type: 'picklist', list: 'customer_source' }, ['来源', '渠道']),
    f('grade', '客户等级', '客戶等級', 'Grade', { type: 'picklist', list: 'customer_grade' }, ['等级', '级别', '客户级别']),
    f(
      'customerType',
      '客户类型',
      '客戶類型',
      'Type',
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
    f('region', '所在地区', '所在地區', 'Region', { type: 'text' }, ['地区', '省市', '城市', '区域']),
    f('address', '详细地址', '詳細地址', 'Address', { type: 'text' }, ['地址', '公司地址']),
    f('phone', '公司电话', '公司電話', 'Phone', { type: 'text' }, ['电话', '座机', '联系电话', 'tel']),
    f('website', '官网', '官網', 'Website', { type: 'text' }, ['网址', '网站', '公司网址']),
    f('tags', '标签', '標籤', 'Tags', { type: 'tags' }),
    f('isKey', '重点客户', '重點客戶', 'Key customer', { type: 'bool' }, ['是否重点', '重点']),
    f('followUpCycleDays', '跟进周期（天）', '跟進週期（天）', 'Follow-up cycle (days)', { type: 'int' }, ['跟进周期']),
    f('creditLimit', '信用额度', '信用額度', 'Credit limit', { type: 'money' }),
    f('remarks', '备注', '備註', 'Remarks', { type: 'text' }, ['说明', '描述']),
    OWNER,
  ],
  contacts: [
    { ...f('name', '姓名', '姓名', 'Name', { type: 'text' }, ['联系人', '联系人姓名', 'contact']), required: true },
    {
      ...f('customerId', '所属客户', '所屬客戶', 'Customer', { type: 'customer' }, ['客户名称', '客户', '公司名称', '公司', 'company']),
      required: true,
      hint: {
        'zh-CN': '填客户全称，须是您能看到的客户',
        'zh-TW': '填客戶全稱，須是您能看到的客戶',
        en: 'Full name of a customer you can see',
      },
    },
    f('title', '职务', '職務', 'Title', { type: 'text' }, ['职位', '岗位']),
    f('department', '部门', '部門', 'Department', { type: 'text' }, ['所在部门']),
    f('role', '角色', '角色', 'Role', { type: 'picklist', list: 'contact_role' }, ['决策角色']),
    f('mobile', '手机', '手機', 'Mobile', { type: 'text' }, ['手机号', '手机号码', '移动电话']),
    f('phone', '电话', '電話', 'Phone', { type: 'text' }, ['座机', '办公电话', 'tel']),
    f('email', '邮箱', '信箱', 'E-mail', { type: 'text' }, ['电子邮箱', '邮件', 'email', '電子郵件']),
    f('birthday', '生日', '生日', 'Birthday', { type: 'date' }, ['出生日期']),
    f('isPrimary', '主要联系人', '主要聯絡人', 'Primary', { type: 'bool' }, ['是否主要联系人', '首要联系人']),
    f('notes', '备注', '備註', 'Notes', { type: 'text' }, ['说明']),
  ],
  leads: [
    { ...f('company', '公司名称', '公司名稱', 'Company', { type: 'text' }, ['客户名称', '企业名称', '单位名称', '公司']), required: true },
    f('contactName', '联系人', '聯絡人', 'Contact', { type: 'text' }, ['姓名', '联系人姓名']),
    f('title', '职务', '職務', 'Title', { type: 'text' }, ['职位']),
    f('mobile', '手机', '手機', 'Mobile', { type: 'text' }, ['手机号', '手机号码']),
    f('phone', '电话', '電話', 'Phone', { type: 'text' }, ['座机', '联系电话']),
    f('email', '邮箱', '信箱', 'E-mail', { type: 'text' }, ['电子邮箱', 'email']),
    f('region', '地区', '地區', 'Region', { type: 'text' }, ['所在地区', '省市', '城市']),
    f('industry', '行业', '行業', 'Industry', { type: 'picklist', list: 'industry' }, ['所属行业']),
    f('source', '来源', '來源', 'Source', { type: 'picklist', list: 'customer_source' }, ['线索来源', '渠道']),
    f('remarks', '备注', '備註', 'Remarks', { type: 'text' }, ['说明', '需求']),
    OWNER,
  ],
};

/** Headings compare without case, spaces, punctuation or a trailing "(必填)"/"*" marker. */
export const headingKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/[\s*:：_\-.。]/g, '');

/** The server's guess for each file column; each field is used once, first come first served. */
export function suggestMapping(entity: ImportEntity, headers: string[]): (string | null)[] {
  const byHeading = new Map<string, string>();
  for (const field of IMPORT_FIELDS[entity]) {
    for (const name of [field.key, ...Object.values(field.label), ...(field.aliases ?? [])]) {
      const k = headingKey(name);
      if (!byHeading.has(k)) byHeading.set(k, field.key);
    }
  }
  const used = new Set<string>();
  return headers.map((h) => {
    const key = byHeading.get(headingKey(h));
    if (!key || used.has(key)) return null;
    used.add(key);
    return key;
  });
}

/** A mapping names known fields, each once, for columns the file has, and covers every required field. */
export function assertMapping(entity: ImportEntity, headers: string[], mapping: (string | null)[], locale: Locale): void {
  const known = new Set(IMPORT_FIELDS[entity].map((f) => f.key));
  const bad = mapping.findIndex((k, i) => k !== null && (!known.has(k) || mapping.indexOf(k) !== i));
  if (mapping.length > headers.length || bad >= 0)
    throw new AppError('VALIDATION', { fields: { [`mapping.${bad >= 0 ? bad : headers.length}`]: { key: 'invalid_value' } } });
  const missing = IMPORT_FIELDS[entity].filter((f) => f.required && !mapping.includes(f.key));
  if (missing.length > 0)
    throw new AppError('IMPORT_MAPPING_INCOMPLETE', {
      params: { fields: missing.map((f) => f.label[locale]).join(locale === 'en' ? ', ' : '、') },
    });
}
