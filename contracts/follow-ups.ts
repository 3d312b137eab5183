import { z } from 'zod';
import { LIMITS, dateSchema, idSchema, listQueryBase, optionalText, recordBase, timestampSchema, versionField } from './common.js';

export const FOLLOW_UP_TYPES = ['call', 'visit', 'meeting', 'email', 'note'] as const;

// C4: quick to enter — only customer, type and content are required; the time defaults to now.
export const followUpFields = z.object({
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
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
