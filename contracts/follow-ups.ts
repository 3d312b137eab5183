import { z } from 'zod';
import { LIMITS, dateSchema, idSchema, listQueryBase, optionalText, recordBase, timestampSchema, versionField } from './common.js';

export const FOLLOW_UP_TYPES = ['call', 'visit', 'meeting', 'email', 'note'] as const;

// C4: quick to enter — only customer, type and content are required; the time defaults to now.
const followUpFields = z.object({
  customerId: idSchema,
  contactId: idSchema.nullish(),
  opportunityId: idSchema.nullish(),
  type: z.enum(FOLLOW_UP_TYPES),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  content: z.string().trim().min(1).max(LIMITS.longText),
  outcome: optionalText(LIMITS.text),
  nextFollowUpDate: dateSchema.nullish(),
});

export const createFollowUpBody = followUpFields.strict();
export const updateFollowUpBody = followUpFields.omit({ customerId: true }).partial().extend({ version: versionField }).strict();

export const followUpSchema = recordBase.extend({
  customerId: idSchema,
  customerName: z.string(),
  contactId: idSchema.nullable(),
  contactName: z.string().nullable(),
  opportunityId: idSchema.nullable(),
  /** The deal's name, for showing the link. */
  opportunityName: z.string().nullable(),
  type: z.enum(FOLLOW_UP_TYPES),
  occurredAt: timestampSchema,
  content: z.string(),
  outcome: z.string().nullable(),
  nextFollowUpDate: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpListQuery = listQueryBase.extend({
  customerId: idSchema.optional(),
  contactId: idSchema.optional(),
  ownerId: idSchema.optional(),
  type: z.enum(FOLLOW_UP_TYPES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

// C8: one timeline item, whatever domain it comes from.
export const timelineItemSchema = z.object({
  type: z.string(),
  id: idSchema,
  at: timestampSchema,
  title: z.string(),
  body: z.string().nullable(),
  actorName: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelineQuery = z.object({
  types: z
    .string()
    .max(200)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  /** With `before`: the last item's `type:id`, so items sharing that instant are neither repeated nor skipped. */
  beforeKey: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// C6: a key customer whose last follow-up is older than its cycle.
export const dueCustomerSchema = z.object({
  id: idSchema,
  name: z.string(),
  grade: z.string().nullable(),
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  followUpCycleDays: z.number().int(),
  lastFollowUpAt: timestampSchema.nullable(),
  dueDate: z.string(),
  overdueDays: z.number().int(),
});
export type DueCustomer = z.infer<typeof dueCustomerSchema>;
export const dueListQuery = z.object({
  ownerId: idSchema.optional(),
  /** Include customers falling due within this many days (a heads-up list). */
  withinDays: z.coerce.number().int().min(0).max(90).default(0),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
