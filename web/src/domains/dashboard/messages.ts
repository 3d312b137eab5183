import { defineMessages } from '../../app/message-catalogue.js';

// The 'dashboard' namespace: the home page (工作台) around the cards; each card's words live in its domain.
export const dashboardMessages = defineMessages({
  'zh-CN': {
    menu: { home: '工作台' },
    title: '工作台',
    greeting: { morning: '早上好，{{name}}', afternoon: '下午好，{{name}}', evening: '晚上好，{{name}}' },
    today: '今天是 {{date}}',
    actions: { export: '导出 Excel', print: '打印', refresh: '刷新' },
    more: '查看全部',
    loadFailed: '工作台加载失败',
    empty: '你的角色暂时没有可看的卡片，请联系管理员开通权限',
    printedAt: '打印时间：{{time}}',
  },
  'zh-TW': {
    menu: { home: '工作台' },
    title: '工作台',
    greeting: { morning: '早安，{{name}}', afternoon: '午安，{{name}}', evening: '晚安，{{name}}' },
    today: '今天是 {{date}}',
    actions: { export: '匯出 Excel', print: '列印', refresh: '重新整理' },
    more: '查看全部',
    loadFailed: '工作台載入失敗',
    empty: '你的角色目前沒有可看的卡片，請聯絡管理員開通權限',
    printedAt: '列印時間：{{time}}',
  },
  en: {
    menu: { home: 'Dashboard' },
    title: 'Dashboard',
    greeting: { morning: 'Good morning, {{name}}', afternoon: 'Good afternoon, {{name}}', evening: 'Good evening, {{name}}' },
    today: 'Today is {{date}}',
    actions: { export: 'Export to Excel', print: 'Print', refresh: 'Refresh' },
    more: 'View all',
    loadFailed: 'The dashboard could not be loaded',
    empty: 'Your role has no dashboard cards yet; ask your administrator for access',
    printedAt: 'Printed {{time}}',
  },
});
