import type { Locale } from '@contracts/common.js';
import type { TeamSummary, teamQuery } from '@contracts/daily-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { departmentScopeFilter } from '../../platform/access/data-scope.js';
import { addDays } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { dailySections, isActivity } from '../../platform/reports/daily-sections.js';
import { type DeviationRule, whoNeedsAttention } from '../../platform/reports/deviation.js';
import { type UntouchedKeyCustomer, untouchedKeyCustomers } from '../follow-ups/public.js';
import { deviationRule } from '../pipeline-reports/public.js';
import { type CollectedDay, collectSections, dailyWindow, sectionHeads } from './day-sections.js';
import { type StaffMember, salesStaff } from './sales-staff.js';

export interface DepartmentNode {
  id: string;
  name: string;
  parent_id: string | null;
}

export interface TeamInput {
  period: 'day' | 'week';
  firstDay: string;
  lastDay: string;
  staff: StaffMember[];
  collected: CollectedDay;
  untouched: UntouchedKeyCustomer[];
  notesDays: Map<string, number>;
  /** The departments the reader sees; figures roll up through these only. */
  departments: DepartmentNode[];
  /** O7, the funnel's rule (report settings): a rep's mix of activities far from the team's and unlikely by chance. */
  rule: DeviationRule;
}

/** The Monday–Sunday week holding a business day. */
export function weekOf(day: string): { firstDay: string; lastDay: string } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const firstDay = addDays(day, -weekday);
  return { firstDay, lastDay: addDays(firstDay, 6) };
}

/** The team's figures from what was collected: per rep, rolled up the department tree, who logged nothing, untouched key customers. */
export function buildTeam(input: TeamInput, locale: Locale): TeamSummary {
  const untouchedBy = new Map<string, number>();
  for (const c of input.untouched) untouchedBy.set(c.ownerId, (untouchedBy.get(c.ownerId) ?? 0) + 1);
  const reps = input.staff.map((m) => {
    const counts: Record<string, number> = {};
    const done: Record<string, number> = {};
    let activity = 0;
    for (const [key, items] of input.collected.get(m.id) ?? []) {
      counts[key] = items.length;
      done[key] = items.filter(isActivity).length;
      activity += done[key];
    }
    return {
      userId: m.id,
      displayName: m.displayName,
      departmentId: m.departmentId,
      departmentName: m.departmentName,
      counts,
      done,
      activityCount: activity,
      notesDays: input.notesDays.get(m.id) ?? 0,
      untouchedKeyCustomers: untouchedBy.get(m.id) ?? 0,
    };
  });

  const byId = new Map(input.departments.map((d) => [d.id, d]));
  const rolled = new Map<string, { repCount: number; silentCount: number; counts: Record<string, number>; done: Record<string, number> }>();
  for (const r of reps) {
    for (let id = r.departmentId, guard = 0; id && byId.has(id) && guard < 64; id = byId.get(id)?.parent_id ?? null, guard++) {
      const t = rolled.get(id) ?? { repCount: 0, silentCount: 0, counts: {}, done: {} };
      t.repCount++;
      if (r.activityCount === 0) t.silentCount++;
      for (const [k, v] of Object.entries(r.counts)) t.counts[k] = (t.counts[k] ?? 0) + v;
      for (const [k, v] of Object.entries(r.done)) t.done[k] = (t.done[k] ?? 0) + v;
      rolled.set(id, t);
    }
  }
  const nameOf = new Map(input.staff.map((m) => [m.id, m.displayName]));
  // The same rule as the funnel's flags (platform/reports/deviation.ts): a name here is a name there.
  const keys = dailySections().map((s) => s.key);
  const unusual = new Map(
    whoNeedsAttention(
      reps.map((r) => ({ userId: r.userId, counts: keys.map((k) => r.done[k] ?? 0) })),
      input.rule,
    ).map((x) => [x.rep.userId, x.flagged.map((i) => keys[i] as string)]),
  );
  const silent = reps.filter((r) => r.activityCount === 0);
  return {
    period: input.period,
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    sections: sectionHeads(locale),
    reps,
    departments: input.departments
      .filter((d) => rolled.has(d.id))
      .map((d) => ({ id: d.id, name: d.name, parentId: d.parent_id, ...(rolled.get(d.id) as NonNullable<ReturnType<typeof rolled.get>>) })),
    silent: silent.map((r) => ({ userId: r.userId, displayName: r.displayName, departmentName: r.departmentName })),
    untouchedKeyCustomers: input.untouched.map((c) => ({ ...c, ownerName: nameOf.get(c.ownerId) ?? '' })),
    needsAttention: reps
      .filter((r) => r.activityCount === 0 || r.untouchedKeyCustomers > 0 || unusual.has(r.userId))
      .map((r) => ({
        userId: r.userId,
        displayName: r.displayName,
        silent: r.activityCount === 0,
        untouchedKeyCustomers: r.untouchedKeyCustomers,
        unusualSections: unusual.get(r.userId) ?? [],
      }))
      .sort((a, b) => Number(b.silent) - Number(a.silent) || b.untouchedKeyCustomers - a.untouchedKeyCustomers),
  };
}

/** Days of [firstDay, lastDay] on which each rep wrote a comment or a plan. */
export async function notesDaysOf(db: Db, userIds: string[], firstDay: string, lastDay: string): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('daily_reports')
    .select(['owner_id', sql<number>`count(*)::int`.as('n')])
    .where('owner_id', 'in', userIds)
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .where((eb) => eb.or([eb('comment', 'is not', null), eb('plan', 'is not', null)]))
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id, r.n]));
}

export const UNTOUCHED_LIMIT = 200;

/** 团队日报 / 周报 for a manager or the director: everything within his scope (a rep's own scope has no team). */
export async function teamSummary(
  db: Db,
  actor: Actor,
  q: z.infer<typeof teamQuery>,
  today: string,
  timeZone: string,
): Promise<TeamSummary> {
  // The team's days are made of its follow-ups, customers and deals: a reader who may not see
  // follow-ups has no team report, whatever his data scope.
  if (actor.scope === 'own' || !can(actor, 'follow_ups', 'view')) throw new AppError('FORBIDDEN');
  const day = q.day ?? today;
  if (day > today) throw fieldError('day', 'invalid_value');
  const { firstDay, lastDay } = q.period === 'week' ? weekOf(day) : { firstDay: day, lastDay: day };
  // The reader's own day is his 销售日报; his team is the others.
  const staff = (await salesStaff(db, { actor, departmentId: q.departmentId })).filter((m) => m.id !== actor.userId);
  const ids = staff.map((m) => m.id);
  const asOf = lastDay < today ? lastDay : today;
  const [collected, untouched, notesDays, departments] = await Promise.all([
    dailyWindow(db, ids, firstDay, asOf, timeZone).then((w) => collectSections(db, w)),
    untouchedKeyCustomers(db, { ownerIds: ids, asOfDay: asOf, timeZone, limit: UNTOUCHED_LIMIT }),
    notesDaysOf(db, ids, firstDay, lastDay),
    db
      .selectFrom('departments as d')
      .select(['d.id', 'd.name', 'd.parent_id'])
      .where(departmentScopeFilter(actor, 'd', q.departmentId))
      .orderBy('d.sort_order')
      .orderBy('d.name')
      .execute(),
  ]);
  const rule = await deviationRule(db);
  return buildTeam({ period: q.period, firstDay, lastDay, staff, collected, untouched, notesDays, departments, rule }, actor.locale);
}
