import { registerNotificationKind } from '../../platform/notifications/notification-kinds.js';

// The report mail itself is the e-mail of these kinds: the job sends it to whoever wants it
// (emailWanted), and the centre sends no digest of the in-app line beside it.
export const DAILY_REPORT_KIND = 'daily_report';
export const TEAM_REPORT_KIND = { day: 'daily_team_report', week: 'weekly_team_report' } as const;

registerNotificationKind({
  key: DAILY_REPORT_KIND,
  labels: { 'zh-CN': '我的销售日报', 'zh-TW': '我的銷售日報', en: 'My daily sales report' },
  category: 'report',
  urgent: false,
  emailDefault: true,
  mailedBySender: true,
});
registerNotificationKind({
  key: TEAM_REPORT_KIND.day,
  labels: { 'zh-CN': '团队日报', 'zh-TW': '團隊日報', en: 'Team daily report' },
  category: 'report',
  urgent: false,
  emailDefault: true,
  mailedBySender: true,
});
registerNotificationKind({
  key: TEAM_REPORT_KIND.week,
  labels: { 'zh-CN': '团队周报', 'zh-TW': '團隊週報', en: 'Team weekly report' },
  category: 'report',
  urgent: false,
  emailDefault: true,
  mailedBySender: true,
});
