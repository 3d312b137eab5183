import type { Locale } from '@contracts/common.js';
import { opportunityListQuery } from '@contracts/opportunities.js';
import { OWNER_COLUMNS, STAMP_COLUMNS, column, registerExport } from '../exports/public.js';
import { listOpportunities } from './opportunity-service.js';

const FORECAST_CATEGORIES = {
  'zh-CN': { commit: '确定能签', best_case: '争取能签', pipeline: '跟进中', omitted: '不计入' },
  'zh-TW': { commit: '確定能簽', best_case: '爭取能簽', pipeline: '跟進中', omitted: '不計入' },
  en: { commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline', omitted: 'Omitted' },
};

// C9/C10: the opportunity list as a file; amounts stay exact decimal strings.
registerExport({
  entity: 'opportunities',
  module: 'opportunities',
  query: opportunityListQuery,
  list: (db, actor, ctx, filters, page, pageSize) => listOpportunities(db, actor, ctx.clock, { ...filters, page, pageSize }),
  fileName: { 'zh-CN': '商机', 'zh-TW': '商機', en: 'opportunities' },
  columns: [
    column({ 'zh-CN': '商机名称', 'zh-TW': '商機名稱', en: 'Opportunity' }, 'name'),
    column({ 'zh-CN': '客户', 'zh-TW': '客戶', en: 'Customer' }, 'customerName'),
    column({ 'zh-CN': '金额', 'zh-TW': '金額', en: 'Amount' }, 'amount', 'money'),
    column({ 'zh-CN': '币种', 'zh-TW': '幣別', en: 'Currency' }, 'currency'),
    column({ 'zh-CN': '销售流程', 'zh-TW': '銷售流程', en: 'Pipeline' }, 'pipelineName'),
    {
      header: { 'zh-CN': '阶段', 'zh-TW': '階段', en: 'Stage' },
      value: (i, locale) => (i.stage as { labels: Record<Locale, string> }).labels[locale],
    },
    column({ 'zh-CN': '赢率(%)', 'zh-TW': '贏率(%)', en: 'Probability (%)' }, 'probability'),
    column({ 'zh-CN': '加权金额', 'zh-TW': '加權金額', en: 'Weighted amount' }, 'weightedAmount', 'money'),
    column({ 'zh-CN': '预计成交日期', 'zh-TW': '預計成交日期', en: 'Expected close' }, 'expectedCloseDate'),
    column({ 'zh-CN': '商机来源', 'zh-TW': '商機來源', en: 'Source' }, 'source', { picklist: 'opportunity_source' }),
    column({ 'zh-CN': '预测类别', 'zh-TW': '預測類別', en: 'Forecast category' }, 'forecastCategory', { codes: FORECAST_CATEGORIES }),
    column({ 'zh-CN': '竞争对手', 'zh-TW': '競爭對手', en: 'Competitors' }, 'competitors'),
    column({ 'zh-CN': '下一步', 'zh-TW': '下一步', en: 'Next step' }, 'nextStep'),
    column({ 'zh-CN': '输单原因', 'zh-TW': '輸單原因', en: 'Lost reason' }, 'lostReason', { picklist: 'lost_reason' }),
    column({ 'zh-CN': '本阶段停留(天)', 'zh-TW': '本階段停留(天)', en: 'Days in stage' }, 'daysInStage'),
    column({ 'zh-CN': '成交/输单时间', 'zh-TW': '成交/輸單時間', en: 'Closed' }, 'closedAt', 'instant'),
    ...OWNER_COLUMNS,
    ...STAMP_COLUMNS,
  ],
});
