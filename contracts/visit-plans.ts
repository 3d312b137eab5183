import { z } from 'zod';
import { LIMITS, dateSchema, idSchema, optionalText, recordBase, versionField } from './common.js';

// C5: the visits a rep plans for a day; a visit follow-up on that day fulfils the plan.
export const createVisitPlanBody = z
  .object({
    planDate: dateSchema,
    customerId: idSchema,
    contactId: idSchema.nullish(),
    purpose: optionalText(LIMITS.text),
    ownerId: idSchema.optional(),
  })
  .strict();
export const updateVisitPlanBody = z
  .object({ planDate: dateSchema, contactId: idSchema.nullish(), purpose: optionalText(LIMITS.text) })
  .partial()
  .extend({ version: versionField })
  .strict();

export const visitPlanSchema = recordBase.extend({
  planDate: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  contactId: idSchema.nullable(),
  purpose: z.string().nullable(),
  fulfilledBy: idSchema.nullable(),
  status: z.enum(['planned', 'done', 'missed']),
});
export type VisitPlan = z.infer<typeof visitPlanSchema>;

export const visitPlanListQuery = z.object({
  from: dateSchema,
  to: dateSchema,
  ownerId: idSchema.optional(),
});

export const visitSummaryQuery = z.object({
  from: dateSchema,
  to: dateSchema,
  groupBy: z.enum(['day', 'week']).default('day'),
});
export const visitSummaryRow = z.object({
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  period: z.string(),
  planned: z.number().int(),
  done: z.number().int(),
  /** Visits logged that were not planned. */
  unplanned: z.number().int(),
});

export const visitSummaryResponse = z.object({
  items: z.array(visitSummaryRow),
  /** Reps in scope with no plan and no visit in the range. */
  idle: z.array(z.object({ ownerId: idSchema, ownerName: z.string() })),
});

export const calendarQuery = z.object({ from: dateSchema, to: dateSchema, ownerId: idSchema.optional() });
export const calendarEntry = z.object({
  /** opportunity_close: an open deal's expected close date (O1). */
  kind: z.enum(['task', 'visit_plan', 'next_follow_up', 'opportunity_close']),
  id: idSchema,
  date: z.string(),
  at: z.string().nullable(),
  title: z.string(),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  status: z.string().nullable(),
});
