import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { format } from '../../platform/i18n/messages.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { type OutgoingMail, queueMail } from '../../platform/mail/outbox.js';
import { emailWanted } from '../../platform/notifications/notification-mail.js';
import { type NewNotification, notify } from '../../platform/notifications/notify.js';
import { DAILY_REPORT_KIND } from './daily-report-kinds.js';
import { activityCount, collectSections, dailyWindow, sectionResults } from './day-sections.js';
import { repReportMail } from './daily-report-mail.js';
import { dailyReportSettings } from './daily-report-settings.js';
import { DAILY_TEXT, localeOf } from './daily-report-texts.js';
import { salesStaff } from './sales-staff.js';
import { weekOf } from './team-summary.js';
import { deliverTeamSummaries } from './team-delivery.js';
import './daily-report-tables.js';

export const DAILY_REPORT_JOB = 'daily-reports';
/** After downtime the job sends the days it missed, but never more than these last days. */
export const CATCH_UP_DAYS = 3;
const BATCH = 500;

const wallClock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** The business days whose reports are due and not yet sent: after the last delivered day, up to the latest due, at most CATCH_UP_DAYS. */
export async function dueDays(db: Db, now: Date, timeZone: string, sendAt: string): Promise<string[]> {
  const today = businessDate(now, timeZone);
  const latest = wallClock(now, timeZone) >= sendAt ? today : addDays(today, -1);
  const last = await db.selectFrom('daily_report_runs').select(sql<string | null>`max(day)`.as('day')).executeTakeFirst();
  const oldest = addDays(latest, 1 - CATCH_UP_DAYS);
  let first = last?.day ? addDays(last.day, 1) : latest;
  if (first < oldest) first = oldest;
  const days: string[] = [];
  for (let d = first; d <= latest; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * Sends one business day: every rep's report (in-app and, if the company wants, by mail), then each
 * department manager's team summary. The day's run row is taken first: a second run (another server,
 * a forced run) waits on it and then finds the day done; the unique report per rep and day and the
 * mails' dedupe keys make a repeat a no-op even so.
 */
export async function deliverDay(
  trx: Db,
  ctx: AppContext,
  day: string,
  emailEnabled: boolean,
): Promise<{ reports: number; teams: number }> {
  const claimed = await trx
    .insertInto('daily_report_runs')
    .values({ day, delivered_at: ctx.clock.now(), reports: 0, team_summaries: 0 })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .execute();
  if (claimed.length === 0) return { reports: 0, teams: 0 };
  const tz = ctx.config.CRM_TIME_ZONE;
  const staff = await salesStaff(trx);
  const ids = staff.map((m) => m.id);
  const collected = await collectSections(trx, await dailyWindow(trx, ids, day, day, tz));
  const notes = new Map(
    (
      await trx
        .selectFrom('daily_reports')
        .select(['owner_id', 'day', 'comment', 'plan'])
        .where('owner_id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
        .where('day', 'in', [day, addDays(day, -1)])
        .execute()
    ).map((r) => [`${r.owner_id}:${r.day}`, r]),
  );

  let reports = 0;
  for (let i = 0; i < staff.length; i += BATCH) {
    const batch = staff.slice(i, i + BATCH);
    const now = ctx.clock.now();
    const fresh = await trx
      .insertInto('daily_reports')
      .values(
        batch.map((m) => ({
          owner_id: m.id,
          owner_dept_id: m.departmentId,
          day,
          sections: JSON.stringify(Object.fromEntries(collected.get(m.id) ?? [])),
          activity_count: activityCount(collected.get(m.id)),
          delivered_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['owner_id', 'day'])
          .doUpdateSet((eb) => ({
            sections: eb.ref('excluded.sections'),
            activity_count: eb.ref('excluded.activity_count'),
            delivered_at: eb.ref('excluded.delivered_at'),
          }))
          .where('daily_reports.delivered_at', 'is', null),
      )
      .returning('owner_id')
      .execute();
    const freshIds = new Set(fresh.map((r) => r.owner_id));
    const wantMail = emailEnabled ? await emailWanted(trx, [...freshIds], DAILY_REPORT_KIND) : new Set<string>();
    const notifications: NewNotification[] = [];
    const mails: OutgoingMail[] = [];
    for (const m of batch.filter((b) => freshIds.has(b.id))) {
      const locale = localeOf(m.locale);
      const t = DAILY_TEXT[locale];
      const count = activityCount(collected.get(m.id));
      notifications.push({
        userId: m.id,
        kind: DAILY_REPORT_KIND,
        title: format(t.repNotifyTitle, { day }),
        body: format(t.repNotifyBody, { count }),
        link: `/daily-report?day=${day}`,
        dedupeKey: `daily-report:${day}`,
      });
      if (m.email && wantMail.has(m.id)) {
        const mine = notes.get(`${m.id}:${day}`);
        const mail = repReportMail({
          locale,
          day,
          name: m.displayName,
          sections: sectionResults(collected.get(m.id), locale),
          activityCount: count,
          comment: mine?.comment ?? null,
          plan: mine?.plan ?? null,
          previousPlan: notes.get(`${m.id}:${addDays(day, -1)}`)?.plan ?? null,
        });
        mails.push({ kind: 'daily-report', to: m.email, toUserId: m.id, ...mail, dedupeKey: `daily-report:${m.id}:${day}` });
      }
    }
    await notify(trx, notifications);
    await queueMail(trx, mails);
    reports += fresh.length;
  }

  let teams = await deliverTeamSummaries(trx, ctx, { period: 'day', firstDay: day, lastDay: day, staff, collected }, emailEnabled);
  // The week's last day also closes the week: each manager gets the team's week beside its day.
  const week = weekOf(day);
  if (week.lastDay === day) {
    const weekCollected = await collectSections(trx, await dailyWindow(trx, ids, week.firstDay, week.lastDay, tz));
    teams += await deliverTeamSummaries(trx, ctx, { period: 'week', ...week, staff, collected: weekCollected }, emailEnabled);
  }
  await trx.updateTable('daily_report_runs').set({ reports, team_summaries: teams }).where('day', '=', day).execute();
  return { reports, teams };
}

/** Every due day not yet sent, oldest first. */
export async function deliverDueReports(trx: Db, ctx: AppContext): Promise<string[]> {
  const settings = await dailyReportSettings(trx);
  const days = await dueDays(trx, ctx.clock.now(), ctx.config.CRM_TIME_ZONE, settings.sendAt);
  for (const day of days) await deliverDay(trx, ctx, day, settings.emailEnabled);
  return days;
}

registerJob({ name: DAILY_REPORT_JOB, everyMs: 5 * 60_000, run: deliverDueReports });
