import { z } from 'zod';
import { LIMITS, idSchema, listQueryBase, optionalText, recordBase, requiredText, timestampSchema, versionField } from './common.js';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

const instant = z.iso.datetime({ offset: true });

// C5: a to-do with an assignee (the owner), a due time and an optional reminder.
const taskFields = z.object({
  title: requiredText(LIMITS.name),
  description: optionalText(LIMITS.text),
  dueAt: instant.nullish(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  status: z.enum(TASK_STATUSES).default('open'),
  remindAt: instant.nullish(),
  customerId: idSchema.nullish(),
  contactId: idSchema.nullish(),
  ownerId: idSchema.optional(),
});
export const createTaskBody = taskFields.strict();
export const updateTaskBody = z
  .object({
    title: requiredText(LIMITS.name),
    description: optionalText(LIMITS.text),
    dueAt: instant.nullish(),
    priority: z.enum(TASK_PRIORITIES),
    status: z.enum(TASK_STATUSES),
    remindAt: instant.nullish(),
    customerId: idSchema.nullish(),
    contactId: idSchema.nullish(),
    ownerId: idSchema,
  })
  .partial()
  .extend({ version: versionField })
  .strict();

export const taskSchema = recordBase.extend({
  title: z.string(),
  description: z.string().nullable(),
  dueAt: timestampSchema.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  remindAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  contactId: idSchema.nullable(),
  overdue: z.boolean(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListQuery = listQueryBase.extend({
  status: z
    .string()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(TASK_STATUSES)))
    .optional(),
  priority: z
    .string()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(TASK_PRIORITIES)))
    .optional(),
  ownerId: idSchema.optional(),
  customerId: idSchema.optional(),
  dueFrom: instant.optional(),
  dueTo: instant.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
