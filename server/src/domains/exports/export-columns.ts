import type { Locale } from '@contracts/common.js';

/** One exported column: its header in each language and how to read it from an API item. */
export interface ExportColumn {
  header: Record<Locale, string>;
  /** A picklist to translate the value's code with, in the caller's language. */
  picklist?: string;
  /** A fixed set of codes (customer type, lead status) to translate instead. */
  codes?: 'customerType' | 'status' | 'forecastCategory';
  value: (item: Record<string, unknown>, locale: Locale) => unknown;
}

const col = (zhCN: string, zhTW: string, en: string, key: string, picklist?: string): ExportColumn => ({
  header: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  picklist,
  value: (item) => item[key],
});

const OWNER = [col('负责人', '負責人', 'Owner', 'ownerName'), col('所属部门', '所屬部門', 'Department', 'ownerDeptName')];
const STAMPS = [col('创建时间', '建立時間', 'Created', 'createdAt'), col('最近更新', '最近更新', 'Updated', 'updatedAt')];

export const EXPORT_COLUMNS: Record<'customers' | 'contacts' | 'leads' | 'opportunities', ExportColumn[]> = {
  customers: [
    col('客户名称', '客戶名稱', 'Name', 'name'),
    col('简称', '簡稱', 'Short name', 'shortName'),
    col('行业', '行業', 'Industry', 'industry', 'industry'),
    col('客户来源', '客戶來源', 'Source', 'source', 'customer_source'),
    col('客户等级', '客戶等級', 'Grade', 'grade', 'customer_grade'),
    { ...col('客户类型', '客戶類型', 'Type', 'customerType'), codes: 'customerType' },
    col('所在地区', '所在地區', 'Region', 'region'),
    col('详细地址', '詳細地址', 'Address', 'address'),
    col('公司电话', '公司電話', 'Phone', 'phone'),
    col('官网', '官網', 'Website', 'website'),
    { header: { 'zh-CN': '标签', 'zh-TW': '標籤', en: 'Tags' }, value: (i) => (i.tags as string[]).join('、') },
    col('重点客户', '重點客戶', 'Key customer', 'isKey'),
    col('信用额度', '信用額度', 'Credit limit', 'creditLimit'),
    col('主要联系人', '主要聯絡人', 'Primary contact', 'primaryContactName'),
    col('备注', '備註', 'Remarks', 'remarks'),
    ...OWNER,
    ...STAMPS,
  ],
  contacts: [
    col('姓名', '姓名', 'Name', 'name'),
    col('所属客户', '所屬客戶', 'Customer', 'customerName'),
    col('职务', '職務', 'Title', 'title'),
    col('部门', '部門', 'Department', 'department'),
    col('角色', '角色', 'Role', 'role', 'contact_role'),
    col('手机', '手機', 'Mobile', 'mobile'),
    col('电话', '電話', 'Phone', 'phone'),
    col('邮箱', '信箱', 'E-mail', 'email'),
    col('生日', '生日', 'Birthday', 'birthday'),
    col('主要联系人', '主要聯絡人', 'Primary', 'isPrimary'),
    col('备注', '備註', 'Notes', 'notes'),
    ...OWNER,
    ...STAMPS,
  ],
  leads: [
    col('公司名称', '公司名稱', 'Company', 'company'),
    col('联系人', '聯絡人', 'Contact', 'contactName'),
    col('职务', '職務', 'Title', 'title'),
    col('手机', '手機', 'Mobile', 'mobile'),
    col('电话', '電話', 'Phone', 'phone'),
    col('邮箱', '信箱', 'E-mail', 'email'),
    col('地区', '地區', 'Region', 'region'),
    col('行业', '行業', 'Industry', 'industry', 'industry'),
    col('来源', '來源', 'Source', 'source', 'customer_source'),
    { ...col('状态', '狀態', 'Status', 'status'), codes: 'status' },
    col('无效原因', '無效原因', 'Disqualified because', 'disqualifyReason'),
    col('备注', '備註', 'Remarks', 'remarks'),
    ...OWNER,
    ...STAMPS,
  ],
  opportunities: [
    col('商机名称', '商機名稱', 'Opportunity', 'name'),
    col('客户', '客戶', 'Customer', 'customerName'),
    col('金额', '金額', 'Amount', 'amount'),
    col('币种', '幣別', 'Currency', 'currency'),
    col('销售流程', '銷售流程', 'Pipeline', 'pipelineName'),
    {
      header: { 'zh-CN': '阶段', 'zh-TW': '階段', en: 'Stage' },
      value: (i, locale) => (i.stage as { labels: Record<Locale, string> }).labels[locale],
    },
    { header: { 'zh-CN': '赢率(%)', 'zh-TW': '贏率(%)', en: 'Probability (%)' }, value: (i) => i.probability },
    col('加权金额', '加權金額', 'Weighted amount', 'weightedAmount'),
    col('预计成交日期', '預計成交日期', 'Expected close', 'expectedCloseDate'),
    col('商机来源', '商機來源', 'Source', 'source', 'opportunity_source'),
    { ...col('预测类别', '預測類別', 'Forecast category', 'forecastCategory'), codes: 'forecastCategory' },
    col('竞争对手', '競爭對手', 'Competitors', 'competitors'),
    col('下一步', '下一步', 'Next step', 'nextStep'),
    col('输单原因', '輸單原因', 'Lost reason', 'lostReason', 'lost_reason'),
    { header: { 'zh-CN': '本阶段停留(天)', 'zh-TW': '本階段停留(天)', en: 'Days in stage' }, value: (i) => i.daysInStage },
    col('成交/输单时间', '成交/輸單時間', 'Closed', 'closedAt'),
    ...OWNER,
    ...STAMPS,
  ],
};
