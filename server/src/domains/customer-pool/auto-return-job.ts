import type { Locale } from '@contracts/common.js';
import type { PoolReason } from '@contracts/customer-pool.js';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/access/actor.js';
import { addDays, businessDate, daysBetween } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { format } from '../../platform/i18n/messages.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { notify } from '../../platform/notifications/notify.js';
import { moveToPool } from './customer-pool.js';
import { hasLastWonProvider, lastWonDates } from './last-won.js';
import { customerPoolRules } from './pool-rules.js';
import { registerNotificationKind } from '../../platform/notifications/notification-kinds.js';

const CUSTOMER_POOL_JOB = 'customer-pool-return';

// Losing a customer to the pool is worth a mail; both go in the hour's digest.
registerNotificationKind({
  key: 'customer_pool_warning',
  labels: { 'zh-CN': '客户快要退回公海', 'zh-TW': '客戶快要退回公海', en: 'Customers about to return to the pool' },
  category: 'reminder',
  urgent: false,
  emailDefault: true,
});
registerNotificationKind({
  key: 'customer_returned_to_pool',
  labels: { 'zh-CN': '客户已退回公海', 'zh-TW': '客戶已退回公海', en: 'Customers returned to the pool' },
  category: 'reminder',
  urgent: false,
  emailDefault: false,
});

const TEXT: Record<Locale, { warnTitle: string; warnBody: Record<Exclude<PoolReason, 'released' | 'moved'>, string>; returned: string }> = {
  'zh-CN': {
    warnTitle: '客户「{name}」{days} 天后将退回公海',
    warnBody: { no_follow_up: '已经 {idle} 天没有跟进，{date} 前跟进一次即可保留', no_deal: '已经 {idle} 天没有成交，{date} 起将退回公海' },
    returned: '客户「{name}」已退回公海',
  },
  'zh-TW': {
    warnTitle: '客戶「{name}」{days} 天後將退回公海',
    warnBody: { no_follow_up: '已經 {idle} 天沒有跟進，{date} 前跟進一次即可保留', no_deal: '已經 {idle} 天沒有成交，{date} 起將退回公海' },
    returned: '客戶「{name}」已退回公海',
  },
  en: {
    warnTitle: 'Customer “{name}” returns to the pool in {days} days',
    warnBody: {
      no_follow_up: 'No follow-up for {idle} days; log one before {date} to keep it',
      no_deal: 'No won deal for {idle} days; it returns on {date}',
    },
    returned: 'Customer “{name}” has returned to the pool',
  },
};

interface Candidate {
  id: string;
  name: string;
  owner_id: string;
  locale: string;
  /** When the owner got it (created, claimed, transferred) and when it was last followed up. */
  owned_since: Date;
  last_follow_up_at: Date | null;
}

/** Owned, live customers the rules apply to, with what the rules look at. */
async function candidates(trx: Db, keyExempt: boolean): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`
    SELECT c.id, c.name, c.owner_id, u.locale,
           greatest(c.created_at, coalesce(h.got_at, c.created_at)) AS owned_since, f.last_at AS last_follow_up_at
      FROM customers c
      JOIN users u ON u.id = c.owner_id
      LEFT JOIN LATERAL (SELECT max(occurred_at) AS last_at FROM follow_ups WHERE customer_id = c.id AND deleted_at IS NULL) f ON true
      LEFT JOIN LATERAL (
        SELECT max(at) AS got_at FROM record_history
         WHERE entity = 'customer' AND record_id = c.id
           AND (action IN ('claim', 'transfer', 'assign') OR (action = 'update' AND field = 'owner_id'))
      ) h ON true
     WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL ${keyExempt ? sql`AND NOT c.is_key` : sql``}`.execute(trx);
  return rows;
}

interface Due {
  customer: Candidate;
  reason: 'no_follow_up' | 'no_deal';
  /** Business date the customer returns on, and how many days the rule has seen nothing. */
  returnOn: string;
  idleDays: number;
}

/**
 * C3 public pool: returns customers nobody works on. A customer returns on the day its rule's N
 * (or M) days have passed since the later of its last follow-up (last won deal) and the day its
 * owner got it; the owner is warned `warnDays` before, once per return date. Runs hourly on one
 * server (advisory lock); a return is one transaction per run with its history rows.
 */
export async function runCustomerPoolReturn(trx: Db, now: Date, timeZone: string) {
  const rules = await customerPoolRules(trx);
  if (!rules.autoReturn || (!rules.noFollowUpDays && !rules.noDealDays)) return { returned: 0, warned: 0 };
  const today = businessDate(now, timeZone);
  const all = await candidates(trx, rules.keyCustomersExempt);
  const dues: Due[] = [];
  const dayOf = (d: Date) => businessDate(new Date(d), timeZone);
  if (rules.noFollowUpDays) {
    for (const c of all) {
      const base = c.last_follow_up_at && c.last_follow_up_at > c.owned_since ? c.last_follow_up_at : c.owned_since;
      const returnOn = addDays(dayOf(base), rules.noFollowUpDays);
      if (daysBetween(today, returnOn) <= rules.warnDays)
        dues.push({ customer: c, reason: 'no_follow_up', returnOn, idleDays: daysBetween(dayOf(base), today) });
    }
  }
  if (rules.noDealDays && hasLastWonProvider()) {
    const won = await lastWonDates(
      trx,
      all.map((c) => c.id),
    );
    for (const c of all) {
      const lastWon = won.get(c.id);
      const base = lastWon && lastWon > c.owned_since ? lastWon : c.owned_since;
      const returnOn = addDays(dayOf(base), rules.noDealDays);
      if (daysBetween(today, returnOn) <= rules.warnDays && !dues.some((d) => d.customer.id === c.id && d.returnOn <= returnOn))
        dues.push({ customer: c, reason: 'no_deal', returnOn, idleDays: daysBetween(dayOf(base), today) });
    }
  }
  let returned = 0;
  let warned = 0;
  const done = new Set<string>();
  for (const d of dues.sort((a, b) => a.returnOn.localeCompare(b.returnOn))) {
    if (done.has(d.customer.id)) continue;
    done.add(d.customer.id);
    const text = TEXT[(d.customer.locale in TEXT ? d.customer.locale : 'zh-CN') as Locale];
    if (d.returnOn <= today) {
      await moveToPool(trx, SYSTEM_ACTOR, now, { id: d.customer.id, owner_id: d.customer.owner_id }, d.reason);
      await notify(trx, [
        {
          userId: d.customer.owner_id,
          kind: 'customer_returned_to_pool',
          title: format(text.returned, { name: d.customer.name }),
          link: '/customer-pool',
          dedupeKey: `pool_returned:${d.customer.id}:${today}`,
        },
      ]);
      returned++;
    } else {
      const params = { name: d.customer.name, days: daysBetween(today, d.returnOn), idle: d.idleDays, date: d.returnOn };
      warned += await notify(trx, [
        {
          userId: d.customer.owner_id,
          kind: 'customer_pool_warning',
          title: format(text.warnTitle, params),
          body: format(text.warnBody[d.reason], params),
          link: `/customers/${d.customer.id}`,
          dedupeKey: `pool_warning:${d.customer.id}:${d.reason}:${d.returnOn}`,
        },
      ]);
    }
  }
  return { returned, warned };
}

registerJob({
  name: CUSTOMER_POOL_JOB,
  everyMs: 60 * 60_000,
  run: (trx, ctx) => runCustomerPoolReturn(trx, ctx.clock.now(), ctx.config.CRM_TIME_ZONE),
});
