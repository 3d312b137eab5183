import type { Locale } from '@contracts/common.js';

// What the report says outside a request (mails, notifications), in the reader's own language.
export const DAILY_TEXT: Record<
  Locale,
  {
    notesClosed: string;
    repSubject: string;
    repNotifyTitle: string;
    repNotifyBody: string;
    nothingLogged: string;
    comment: string;
    plan: string;
    previousPlan: string;
    teamSubject: string;
    teamNotifyTitle: string;
    teamNotifyBody: string;
    weekSubject: string;
    weekNotifyTitle: string;
    silentWeek: string;
    rep: string;
    activity: string;
    silent: string;
    silentNone: string;
    untouched: string;
    /** O7: whose mix of work is far from the team's and unlikely by chance (the funnel's rule). */
    unusual: string;
    untouchedNone: string;
    neverFollowedUp: string;
    overdueDays: string;
    total: string;
    footer: string;
    openInApp: string;
  }
> = {
  'zh-CN': {
    notesClosed: '日报的总结和明日计划只能在当天和第二天修改',
    repSubject: '销售日报 {day} · {name}',
    repNotifyTitle: '{day} 的销售日报已生成',
    repNotifyBody: '今天记录了 {count} 项工作，记得写一下总结和明天的计划',
    nothingLogged: '今天系统里没有记录任何工作。',
    comment: '今日总结',
    plan: '明日计划',
    previousPlan: '昨天定的今日计划',
    teamSubject: '团队日报 {day} · {team}',
    teamNotifyTitle: '{day} 团队日报：{silent} 人没有记录',
    teamNotifyBody: '{reps} 名销售，{untouched} 个重点客户超期未跟进',
    weekSubject: '团队周报 {day} · {team}',
    weekNotifyTitle: '{day} 团队周报：{silent} 人整周没有记录',
    silentWeek: '本周没有记录工作的人',
    rep: '销售',
    activity: '工作项',
    silent: '今天没有记录工作的人',
    silentNone: '每个人都有记录。',
    untouched: '超期未跟进的重点客户',
    unusual: '工作结构和团队差得多的人（和漏斗分析同一规则）',
    untouchedNone: '没有超期未跟进的重点客户。',
    neverFollowedUp: '从未跟进',
    overdueDays: '超期 {days} 天',
    total: '合计',
    footer: '这封邮件由销售CRM按公司设定的时间自动发送。',
    openInApp: '在系统里打开「销售日报」可以补写总结和计划。',
  },
  'zh-TW': {
    notesClosed: '日報的總結和明日計劃只能在當天和隔天修改',
    repSubject: '銷售日報 {day} · {name}',
    repNotifyTitle: '{day} 的銷售日報已產生',
    repNotifyBody: '今天記錄了 {count} 項工作，記得寫一下總結和明天的計劃',
    nothingLogged: '今天系統裡沒有記錄任何工作。',
    comment: '今日總結',
    plan: '明日計劃',
    previousPlan: '昨天定的今日計劃',
    teamSubject: '團隊日報 {day} · {team}',
    teamNotifyTitle: '{day} 團隊日報：{silent} 人沒有記錄',
    teamNotifyBody: '{reps} 名業務，{untouched} 個重點客戶逾期未跟進',
    weekSubject: '團隊週報 {day} · {team}',
    weekNotifyTitle: '{day} 團隊週報：{silent} 人整週沒有記錄',
    silentWeek: '本週沒有記錄工作的人',
    rep: '業務',
    activity: '工作項',
    silent: '今天沒有記錄工作的人',
    silentNone: '每個人都有記錄。',
    untouched: '逾期未跟進的重點客戶',
    unusual: '工作結構和團隊差很多的人（和漏斗分析同一規則）',
    untouchedNone: '沒有逾期未跟進的重點客戶。',
    neverFollowedUp: '從未跟進',
    overdueDays: '逾期 {days} 天',
    total: '合計',
    footer: '這封郵件由銷售CRM依公司設定的時間自動寄出。',
    openInApp: '在系統裡開啟「銷售日報」可以補寫總結和計劃。',
  },
  en: {
    notesClosed: 'The comment and plan of a daily report can only be changed on that day and the next',
    repSubject: 'Daily sales report {day} · {name}',
    repNotifyTitle: 'Your daily report for {day} is ready',
    repNotifyBody: '{count} things logged today — add your comment and tomorrow’s plan',
    nothingLogged: 'Nothing was logged in the system today.',
    comment: 'Comment',
    plan: 'Plan for tomorrow',
    previousPlan: 'Plan made yesterday for today',
    teamSubject: 'Team daily report {day} · {team}',
    teamNotifyTitle: 'Team report {day}: {silent} logged nothing',
    teamNotifyBody: '{reps} reps, {untouched} key customers overdue for follow-up',
    weekSubject: 'Team weekly report {day} · {team}',
    weekNotifyTitle: 'Team week {day}: {silent} logged nothing all week',
    silentWeek: 'Logged nothing this week',
    rep: 'Rep',
    activity: 'Items',
    silent: 'Logged nothing today',
    silentNone: 'Everyone logged something.',
    untouched: 'Key customers overdue for follow-up',
    unusual: 'Work mix far from the team (the funnel’s rule)',
    untouchedNone: 'No key customer is overdue.',
    neverFollowedUp: 'never followed up',
    overdueDays: '{days} days overdue',
    total: 'Total',
    footer: 'Sent automatically by the CRM at the time your company set.',
    openInApp: 'Open “Daily report” in the CRM to add your comment and plan.',
  },
};

export const localeOf = (value: string | null | undefined): Locale =>
  value === 'zh-TW' || value === 'en' || value === 'zh-CN' ? value : 'zh-CN';
