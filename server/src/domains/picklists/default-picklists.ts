import type { PicklistName } from '@contracts/picklists.js';

type Seed = [code: string, zhCN: string, zhTW: string, en: string];

// Starting values an admin can relabel, reorder or deactivate (P5).
export const DEFAULT_PICKLISTS: Record<PicklistName, Seed[]> = {
  industry: [
    ['manufacturing', '制造业', '製造業', 'Manufacturing'],
    ['it', 'IT/互联网', 'IT/網際網路', 'IT & Internet'],
    ['retail', '零售/批发', '零售/批發', 'Retail & Wholesale'],
    ['finance', '金融', '金融', 'Finance'],
    ['construction', '建筑/工程', '建築/工程', 'Construction'],
    ['education', '教育', '教育', 'Education'],
    ['healthcare', '医疗', '醫療', 'Healthcare'],
    ['logistics', '物流', '物流', 'Logistics'],
    ['energy', '能源/化工', '能源/化工', 'Energy & Chemicals'],
    ['government', '政府/公共事业', '政府/公共事業', 'Government'],
    ['other', '其他', '其他', 'Other'],
  ],
  customer_source: [
    ['referral', '老客户转介绍', '老客戶轉介紹', 'Referral'],
    ['exhibition', '展会', '展會', 'Trade show'],
    ['website', '官网咨询', '官網諮詢', 'Website'],
    ['cold_call', '电话陌拜', '電話陌拜', 'Cold call'],
    ['advertising', '广告投放', '廣告投放', 'Advertising'],
    ['partner', '渠道伙伴', '通路夥伴', 'Partner'],
    ['bidding', '招投标', '招投標', 'Tender'],
    ['other', '其他', '其他', 'Other'],
  ],
  customer_grade: [
    ['A', 'A 类（重点）', 'A 類（重點）', 'A (key)'],
    ['B', 'B 类（主力）', 'B 類（主力）', 'B (core)'],
    ['C', 'C 类（一般）', 'C 類（一般）', 'C (regular)'],
    ['D', 'D 类（潜在）', 'D 類（潛在）', 'D (prospect)'],
  ],
  contact_role: [
    ['decision_maker', '决策人', '決策人', 'Decision maker'],
    ['technical', '技术把关', '技術把關', 'Technical'],
    ['purchasing', '采购', '採購', 'Purchasing'],
    ['user', '使用部门', '使用部門', 'User'],
    ['influencer', '影响者', '影響者', 'Influencer'],
    ['other', '其他', '其他', 'Other'],
  ],
  customer_tag: [
    ['vip', 'VIP', 'VIP', 'VIP'],
    ['price_sensitive', '价格敏感', '價格敏感', 'Price-sensitive'],
    ['long_cycle', '决策周期长', '決策週期長', 'Long decision cycle'],
    ['competitor_user', '在用竞品', '在用競品', 'Uses a competitor'],
  ],
  opportunity_source: [
    ['existing_customer', '老客户新需求', '老客戶新需求', 'Existing customer'],
    ['referral', '转介绍', '轉介紹', 'Referral'],
    ['lead', '线索转化', '線索轉換', 'Converted lead'],
    ['exhibition', '展会', '展會', 'Trade show'],
    ['website', '官网咨询', '官網諮詢', 'Website'],
    ['cold_call', '电话陌拜', '電話陌拜', 'Cold call'],
    ['partner', '渠道伙伴', '通路夥伴', 'Partner'],
    ['bidding', '招投标', '招投標', 'Tender'],
    ['other', '其他', '其他', 'Other'],
  ],
  lost_reason: [
    ['price', '价格没谈拢', '價格沒談攏', 'Price'],
    ['competitor', '输给竞争对手', '輸給競爭對手', 'Lost to a competitor'],
    ['no_budget', '客户没预算', '客戶沒預算', 'No budget'],
    ['no_decision', '客户不做了/无限期搁置', '客戶不做了/無限期擱置', 'No decision'],
    ['requirements', '产品满足不了需求', '產品滿足不了需求', 'Requirements not met'],
    ['relationship', '关系没做到位', '關係沒做到位', 'Relationship'],
    ['other', '其他', '其他', 'Other'],
  ],
  // M4 费用: what an expense claim was spent on.
  expense_category: [
    ['entertainment', '业务招待', '業務招待', 'Entertainment'],
    ['travel', '差旅', '差旅', 'Travel'],
    ['gifts', '礼品', '禮品', 'Gifts'],
    ['samples', '样品', '樣品', 'Samples'],
    ['transport', '交通', '交通', 'Transport'],
    ['events', '会务', '會務', 'Events'],
    ['other', '其他', '其他', 'Other'],
  ],
};
