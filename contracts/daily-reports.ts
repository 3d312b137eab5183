import { z } from 'zod';
import { dateSchema, idSchema, LIMITS, optionalText } from './common.js';

// T3 销售日报: a rep's day, the team's day or week, and the company's delivery settings.

/** A business day that exists on the calendar (2026-02-30 is refused here, not by the database). */
const calendarDay = dateSchema.refine(
  (d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
  },
  { message: 'date' },
);

/** When the day's reports go out (company time zone) and whether they also go by e-mail. */
export const dailyReportSettingsSchema = z.object({
  sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_format' }),
  emailEnabled: z.boolean(),
});
export type DailyReportSettings = z.infer<typeof dailyReportSettingsSchema>;

export const dailyItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  amount: z.string().nullable(),
  link: z.string().nullable(),
  at: z.string().nullable(),
  done: z.boolean().nullable(),
});
export type DailyItem = z.infer<typeof dailyItemSchema>;

export const sectionHeadSchema = z.object({
  key: z.string(),
  title: z.string(),
  tally: z.enum(['count', 'done']),
  money: z.boolean(),
});
export type SectionHead = z.infer<typeof sectionHeadSchema>;

export const dailySectionSchema = sectionHeadSchema.extend({
  count: z.number().int(),
  done: z.number().int(),
  /** Sum of the items' amounts (exact decimal string) for money sections, else null. */
  amount: z.string().nullable(),
  items: z.array(dailyItemSchema),
});
export type DailySectionResult = z.infer<typeof dailySectionSchema>;

export const dailyDayQuery = z.object({ day: calendarDay.optional(), userId: idSchema.optional() });

export const dailyDayResponse = z.object({
  day: dateSchema,
  user: z.object({ id: idSchema, displayName: z.string(), departmentName: z.string().nullable() }),
  sections: z.array(dailySectionSchema),
  /** Things done (open visit plans do not count): 0 means the rep logged nothing. */
  activityCount: z.number().int(),
  comment: z.string().nullable(),
  plan: z.string().nullable(),
  /** What the rep planned for this day on the day before: shown, never typed again. */
  previousPlan: z.string().nullable(),
  /** The rep himself, on the day or the next. */
  editable: z.boolean(),
  deliveredAt: z.string().nullable(),
});
export type DailyDay = z.infer<typeof dailyDayResponse>;

export const dailyNotesBody = z.object({
  day: calendarDay,
  comment: optionalText(LIMITS.text),
  plan: optionalText(LIMITS.text),
});

export const teamQuery = z.object({
  period: z.enum(['day', 'week']).default('day'),
  /** Any day of the week for period=week. */
  day: calendarDay.optional(),
  departmentId: idSchema.optional(),
});

const countsSchema = z.record(z.string(), z.number().int());

export const teamRepSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  counts: countsSchema,
  done: countsSchema,
  activityCount: z.number().int(),
  /** Days of the period with a comment or plan written. */
  notesDays: z.number().int(),
  untouchedKeyCustomers: z.number().int(),
});

export const teamDepartmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  /** Figures of the department and everything under it. */
  repCount: z.number().int(),
  silentCount: z.number().int(),
  counts: countsSchema,
  done: countsSchema,
});

export const untouchedKeyCustomerSchema = z.object({
  id: idSchema,
  name: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  followUpCycleDays: z.number().int(),
  lastFollowUpAt: z.string().nullable(),
  overdueDays: z.number().int(),
});

export const teamResponse = z.object({
  period: z.enum(['day', 'week']),
  firstDay: dateSchema,
  lastDay: dateSchema,
  sections: z.array(sectionHeadSchema),
  reps: z.array(teamRepSchema),
  departments: z.array(teamDepartmentSchema),
  /** Who logged nothing in the period. */
  silent: z.array(z.object({ userId: idSchema, displayName: z.string(), departmentName: z.string().nullable() })),
  untouchedKeyCustomers: z.array(untouchedKeyCustomerSchema),
  /** Who needs the manager's attention and why: logged nothing, key customers untouched. */
  needsAttention: z.array(
    z.object({
      userId: idSchema,
      displayName: z.string(),
      silent: z.boolean(),
      untouchedKeyCustomers: z.number().int(),
      /** O7: sections whose share of his activity is far from the team's and unlikely by chance. */
      unusualSections: z.array(z.string()),
    }),
  ),
});
export type TeamSummary = z.infer<typeof teamResponse>;
