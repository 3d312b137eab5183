import type { Locale } from '@contracts/common.js';
import { format } from '../../platform/i18n/messages.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { notify } from '../../platform/notifications/notify.js';
import { dueForFollowUp, todayIn } from './due-for-follow-up.js';
import { registerNotificationKind } from '../../platform/notifications/notification-kinds.js';

export const KEY_CUSTOMER_REMINDER_JOB = 'key-customer-reminders';

registerNotificationKind({
  key: 'follow_up_due',
  labels: { 'zh-CN': '重点客户该跟进了', 'zh-TW': '重點客戶該跟進了', en: 'Key customers due for follow-up' },
  category: 'reminder',
  urgent: false,
  emailDefault: false,
});

// Written in the owner's own language, since the reminder is read later, outside any request.
const TEXT: Record<Locale, { title: string; overdue: string; today: string; never: string }> = {
  'zh-CN': {
    title: '重点客户「{name}」该跟进了',
    overdue: '跟进周期 {cycle} 天，已超期 {days} 天',
    today: '跟进周期 {cycle} 天，今天到期',
    never: '跟进周期 {cycle} 天，还没有跟进记录',
  },
  'zh-TW': {
    title: '重點客戶「{name}」該跟進了',
    overdue: '跟進週期 {cycle} 天，已逾期 {days} 天',
    today: '跟進週期 {cycle} 天，今天到期',
    never: '跟進週期 {cycle} 天，尚無跟進記錄',
  },
  en: {
    title: 'Key customer “{name}” is due for follow-up',
    overdue: 'Cycle {cycle} days, {days} days overdue',
    today: 'Cycle {cycle} days, due today',
    never: 'Cycle {cycle} days, never followed up',
  },
};

/**
 * C6: once an hour (whichever server gets the lock), every owner of an overdue key customer gets
 * one in-app reminder per customer per day.
 */
registerJob({
  name: KEY_CUSTOMER_REMINDER_JOB,
  everyMs: 60 * 60_000,
  async run(trx, ctx) {
    const tz = ctx.config.CRM_TIME_ZONE;
    const today = todayIn(ctx.clock.now(), tz);
    for (let page = 1; ; page++) {
      const due = await dueForFollowUp(trx, null, { today, timeZone: tz, withinDays: 0, page, pageSize: 200 });
      const owners = due.items.length
        ? await trx
            .selectFrom('users')
            .select(['id', 'locale'])
            .where('id', 'in', [...new Set(due.items.map((c) => c.ownerId))])
            .execute()
        : [];
      const localeOf = new Map(owners.map((o) => [o.id, (o.locale in TEXT ? o.locale : 'zh-CN') as Locale]));
      await notify(
        trx,
        due.items.map((c) => {
          const text = TEXT[localeOf.get(c.ownerId) ?? 'zh-CN'];
          const params = { name: c.name, cycle: c.followUpCycleDays, days: c.overdueDays };
          return {
            userId: c.ownerId,
            kind: 'follow_up_due',
            title: format(text.title, params),
            body: format(!c.lastFollowUpAt ? text.never : c.overdueDays > 0 ? text.overdue : text.today, params),
            link: `/customers/${c.id}`,
            dedupeKey: `follow_up_due:${c.id}:${today}`,
          };
        }),
      );
      if (page * 200 >= due.total) break;
    }
  },
});
