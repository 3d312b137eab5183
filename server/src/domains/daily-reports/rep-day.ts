import type { DailyDay, dailyNotesBody } from '@contracts/daily-reports.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { addDays } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { activityCount, collectSections, dailyWindow, sectionResults } from './day-sections.js';
import { DAILY_TEXT } from './daily-report-texts.js';
import { salesStaff } from './sales-staff.js';
import './daily-report-tables.js';

/** The rep writes his comment and plan on the day and may still correct them the next day. */
export const notesEditable = (day: string, today: string) => day === today || day === addDays(today, -1);

/** A rep's day as the report shows it: his own, or one his manager's scope covers (else 404, as for any record). */
export async function repDay(
  db: Db,
  actor: Actor,
  opts: { day: string; userId?: string },
  today: string,
  timeZone: string,
): Promise<DailyDay> {
  if (opts.day > today) throw fieldError('day', 'invalid_value');
  const userId = opts.userId ?? actor.userId;
  const user = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['u.id', 'u.display_name', 'd.name as department_name'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new AppError('NOT_FOUND');
  if (userId !== actor.userId && (await salesStaff(db, { actor, userIds: [userId] })).length === 0) throw new AppError('NOT_FOUND');

  const collected = await collectSections(db, await dailyWindow(db, [userId], opts.day, opts.day, timeZone));
  const rows = await db
    .selectFrom('daily_reports')
    .select(['day', 'comment', 'plan', 'delivered_at'])
    .where('owner_id', '=', userId)
    .where('day', 'in', [opts.day, addDays(opts.day, -1)])
    .execute();
  const mine = rows.find((r) => r.day === opts.day);
  const before = rows.find((r) => r.day !== opts.day);
  return {
    day: opts.day,
    user: { id: user.id, displayName: user.display_name, departmentName: user.department_name },
    sections: sectionResults(collected.get(userId), actor.locale),
    activityCount: activityCount(collected.get(userId)),
    comment: mine?.comment ?? null,
    plan: mine?.plan ?? null,
    previousPlan: before?.plan ?? null,
    editable: userId === actor.userId && notesEditable(opts.day, today),
    deliveredAt: mine?.delivered_at ? new Date(mine.delivered_at).toISOString() : null,
  };
}

/** Stores the rep's own comment and tomorrow's plan for a day (only his, only that day and the next). */
export async function saveNotes(trx: Db, actor: Actor, body: z.infer<typeof dailyNotesBody>, today: string): Promise<void> {
  if (body.day > today) throw fieldError('day', 'invalid_value');
  if (!notesEditable(body.day, today)) {
    throw new AppError('BUSINESS_RULE', { params: { detail: DAILY_TEXT[actor.locale].notesClosed } });
  }
  await trx
    .insertInto('daily_reports')
    .values({
      owner_id: actor.userId,
      owner_dept_id: actor.departmentId,
      day: body.day,
      comment: body.comment,
      plan: body.plan,
      updated_by: actor.userId,
    })
    .onConflict((oc) =>
      oc
        .columns(['owner_id', 'day'])
        .doUpdateSet({ comment: body.comment, plan: body.plan, updated_by: actor.userId, updated_at: new Date() }),
    )
    .execute();
}
