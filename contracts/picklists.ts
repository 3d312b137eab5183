import { z } from 'zod';
import { idSchema, requiredText, versionField } from './common.js';

export const PICKLISTS = [
  'industry',
  'customer_source',
  'customer_grade',
  'contact_role',
  'customer_tag',
  'opportunity_source',
  'lost_reason',
  'expense_category',
] as const;
export const picklistName = z.enum(PICKLISTS);
export type PicklistName = z.infer<typeof picklistName>;

export const picklistValueSchema = z.object({
  id: idSchema,
  list: z.string(),
  code: z.string(),
  labels: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type PicklistValue = z.infer<typeof picklistValueSchema>;

const labels = z.strictObject({ 'zh-CN': requiredText(50), 'zh-TW': requiredText(50), en: requiredText(50) });

// Request bodies are strict: a field the server does not know is refused, not silently dropped.
export const createPicklistValueBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/),
  labels,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export const updatePicklistValueBody = z.strictObject({
  labels: labels.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
  version: versionField,
});
export const picklistQuery = z.object({ list: picklistName.optional(), includeInactive: z.enum(['true', 'false']).optional() });
