import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/db/database.js';
import { format } from '../../platform/i18n/messages.js';
import { type OutgoingMail, queueMail } from '../../platform/mail/outbox.js';
import { emailWanted } from '../../platform/notifications/notification-mail.js';
import { type NewNotification, notify } from '../../platform/notifications/notify.js';
import { untouchedKeyCustomers } from '../follow-ups/public.js';
import { deviationRule } from '../pipeline-reports/public.js';
import type { CollectedDay } from './day-sections.js';
import { teamSummaryMail } from './daily-report-mail.js';
import { TEAM_REPORT_KIND } from './daily-report-kinds.js';
import { DAILY_TEXT, localeOf } from './daily-report-texts.js';
import type { StaffMember } from './sales-staff.js';
import { buildTeam, type DepartmentNode, notesDaysOf } from './team-summary.js';

/** Untouched key customers listed per team in a mail; the app lists them all. */
const MAIL_UNTOUCHED = 50;

export interface TeamPeriod {
  period: 'day' | 'week';
  firstDay: string;
  lastDay: string;
  staff: StaffMember[];
  collected: CollectedDay;
}

/**
 * Each manager of a live department gets the summary of the people in it and below it (not his own
 * day: that is his 销售日报), in his language: in the app, and by mail when the company sends mail.
 * One notification and one mail per manager, department and period, whatever runs again.
 */
export async function deliverTeamSummaries(trx: Db, ctx: AppContext, p: TeamPeriod, emailEnabled: boolean): Promise<number> {
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'name', 'parent_id', 'manager_id'])
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  const managed = departments.filter((d) => d.manager_id);
  if (managed.length === 0 || p.staff.length === 0) return 0;
  const managers = await trx
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where('id', 'in', [...new Set(managed.map((d) => d.manager_id as string))])
    .where('active', '=', true)
    .execute();
  const managerOf = new Map(managers.map((m) => [m.id, m]));
  const wantMail = emailEnabled
    ? await emailWanted(
        trx,
        managers.map((m) => m.id),
        TEAM_REPORT_KIND[p.period],
      )
    : new Set<string>();
  const children = new Map<string, DepartmentNode[]>();
  for (const d of departments) if (d.parent_id) children.set(d.parent_id, [...(children.get(d.parent_id) ?? []), d]);
  const subtree = (root: DepartmentNode): DepartmentNode[] => [root, ...(children.get(root.id) ?? []).flatMap(subtree)];
  const ownerIds = p.staff.map((m) => m.id);
  const untouched = await untouchedKeyCustomers(trx, { ownerIds, asOfDay: p.lastDay, timeZone: ctx.config.CRM_TIME_ZONE, limit: 100_000 });
  const notesDays = await notesDaysOf(trx, ownerIds, p.firstDay, p.lastDay);
  const rule = await deviationRule(trx);
  const key = p.period === 'day' ? `daily-team:` : `weekly-team:`;

  const notifications: NewNotification[] = [];
  const mails: OutgoingMail[] = [];
  for (const d of managed) {
    const manager = managerOf.get(d.manager_id as string);
    if (!manager) continue;
    const tree = subtree(d);
    const inTree = new Set(tree.map((x) => x.id));
    const staff = p.staff.filter((m) => m.departmentId && inTree.has(m.departmentId) && m.id !== manager.id);
    if (staff.length === 0) continue;
    const locale = localeOf(manager.locale);
    const ids = new Set(staff.map((m) => m.id));
    const summary = buildTeam(
      {
        ...p,
        staff,
        untouched: untouched.filter((c) => ids.has(c.ownerId)).slice(0, MAIL_UNTOUCHED),
        notesDays,
        departments: tree,
        rule,
      },
      locale,
    );
    const t = DAILY_TEXT[locale];
    const when = p.period === 'day' ? p.lastDay : `${p.firstDay}–${p.lastDay}`;
    notifications.push({
      userId: manager.id,
      kind: TEAM_REPORT_KIND[p.period],
      title: format(p.period === 'day' ? t.teamNotifyTitle : t.weekNotifyTitle, { day: when, silent: summary.silent.length }),
      body: format(t.teamNotifyBody, { reps: staff.length, untouched: summary.untouchedKeyCustomers.length }),
      link: `/daily-report/team?day=${p.lastDay}&departmentId=${d.id}${p.period === 'week' ? '&period=week' : ''}`,
      dedupeKey: `${key}${d.id}:${p.lastDay}`,
    });
    if (manager.email && wantMail.has(manager.id)) {
      const mail = teamSummaryMail({ locale, day: when, team: d.name, summary });
      mails.push({
        kind: p.period === 'day' ? 'daily-team-report' : 'weekly-team-report',
        to: manager.email,
        toUserId: manager.id,
        ...mail,
        dedupeKey: `${key}${manager.id}:${d.id}:${p.lastDay}`,
      });
    }
  }
  await notify(trx, notifications);
  await queueMail(trx, mails);
  return notifications.length;
}
