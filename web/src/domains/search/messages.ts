import { defineMessages } from '../../app/message-catalogue.js';

export const searchMessages = defineMessages({
  'zh-CN': {
    box: '搜客户、联系人、线索、笔记…',
    title: '搜索',
    resultsFor: '“{{q}}” 的搜索结果',
    type: { customer: '客户', contact: '联系人', lead: '线索', note: '笔记', follow_up: '跟进记录', opportunity: '商机', product: '产品' },
    more: '查看全部',
    none: '没有找到“{{q}}”相关的记录',
    tooShort: '至少输入两个字',
    loadFailed: '搜索没有完成',
  },
  'zh-TW': {
    box: '搜尋客戶、聯絡人、線索、筆記…',
    title: '搜尋',
    resultsFor: '「{{q}}」的搜尋結果',
    type: { customer: '客戶', contact: '聯絡人', lead: '線索', note: '筆記', follow_up: '跟進記錄', opportunity: '商機', product: '產品' },
    more: '查看全部',
    none: '沒有找到「{{q}}」相關的記錄',
    tooShort: '至少輸入兩個字',
    loadFailed: '搜尋沒有完成',
  },
  en: {
    box: 'Search customers, contacts, leads, notes…',
    title: 'Search',
    resultsFor: 'Results for “{{q}}”',
    type: {
      customer: 'Customers',
      contact: 'Contacts',
      lead: 'Leads',
      note: 'Notes',
      follow_up: 'Follow-ups',
      opportunity: 'Opportunities',
      product: 'Products',
    },
    more: 'See all',
    none: 'Nothing found for “{{q}}”',
    tooShort: 'Type at least two characters',
    loadFailed: 'The search did not finish',
  },
});
