import type { Locale } from '@contracts/common.js';
import { businessDate } from '../../platform/dates.js';
import { format } from '../../platform/i18n/messages.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { notify } from '../../platform/notifications/notify.js';
import { dueDeliveries } from './due-deliveries.js';
import { registerNotificationKind } from '../../platform/notifications/notification-kinds.js';

export const DELIVERY_REMINDER_JOB = 'delivery-reminders';

registerNotificationKind({
  key: 'delivery_due',
  labels: { 'zh-CN': '发货提醒', 'zh-TW': '出貨提醒', en: 'Deliveries due' },
  category: 'reminder',
  urgent: false,
  emailDefault: false,
});
/** Reminders go out from this hour of the company's day (the morning), not at midnight. */
export const REMINDER_FROM_HOUR = 7;

const TEXT: Record<Locale, { title: string }> = {
  'zh-CN': { title: '发货提醒：今天 {today} 项、明天 {tomorrow} 项待发货' },
  'zh-TW': { title: '出貨提醒：今天 {today} 項、明天 {tomorrow} 項待出貨' },
  en: { title: 'Deliveries due: {today} today, {tomorrow} tomorrow' },
};

const hourIn = (at: Date, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));

/**
 * Seed 004 自动交货提醒: each morning (whichever server gets the lock) every owner of order lines due
 * today or tomorrow gets one in-app summary, deduplicated per owner and day.
 */
registerJob({
  name: DELIVERY_REMINDER_JOB,
  everyMs: 60 * 60_000,
  async run(trx, ctx) {
    const tz = ctx.config.CRM_TIME_ZONE;
    const now = ctx.clock.now();
    if (hourIn(now, tz) < REMINDER_FROM_HOUR) return;
    const today = businessDate(now, tz);
    const perOwner = new Map<string, { today: number; tomorrow: number; lines: string[] }>();
    for (const window of ['today', 'tomorrow'] as const) {
      for (let page = 1; ; page++) {
        const due = await dueDeliveries(trx, null, { window, today, page, pageSize: 200 });
        for (const l of due.items) {
          const o = perOwner.get(l.ownerId) ?? { today: 0, tomorrow: 0, lines: [] };
          o[window] += 1;
          if (o.lines.length < 10)
            o.lines.push(`${l.orderNumber} ${l.customerName} · ${l.name} ${l.undelivered}${l.unit}（${l.requiredDate}）`);
          perOwner.set(l.ownerId, o);
        }
        if (page * 200 >= due.total) break;
      }
    }
    if (perOwner.size === 0) return;
    const owners = await trx
      .selectFrom('users')
      .select(['id', 'locale'])
      .where('id', 'in', [...perOwner.keys()])
      .where('active', '=', true)
      .execute();
    await notify(
      trx,
      owners.map((u) => {
        const o = perOwner.get(u.id) ?? { today: 0, tomorrow: 0, lines: [] };
        const text = TEXT[(u.locale in TEXT ? u.locale : 'zh-CN') as Locale];
        return {
          userId: u.id,
          kind: 'delivery_due',
          title: format(text.title, { today: o.today, tomorrow: o.tomorrow }),
          body: o.lines.join('\n'),
          link: '/deliveries/due',
          dedupeKey: `delivery_due:${today}`,
        };
      }),
    );
  },
});
