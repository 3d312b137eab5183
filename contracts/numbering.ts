import { z } from 'zod';
import { localeSchema } from './common.js';

// Document numbers: a pattern with date parts and a counter, reset daily, monthly, yearly or never.
export const NUMBER_RESETS = ['never', 'daily', 'monthly', 'yearly'] as const;
export type NumberReset = (typeof NUMBER_RESETS)[number];

/** {YYYY} {YY} {MM} {DD} and exactly one {SEQ:n} (n digits, 1–9); anything else is printed as is. */
export const numberPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((p) => (p.match(/\{SEQ:[1-9]\}/g) ?? []).length === 1, { message: 'number_pattern_seq' })
  .refine((p) => p.replace(/\{(YYYY|YY|MM|DD|SEQ:[1-9])\}/g, '').match(/[{}]/) === null, { message: 'number_pattern_token' });

export const numberSeriesSchema = z.object({
  key: z.string(),
  labels: z.record(localeSchema, z.string()),
  pattern: z.string(),
  reset: z.enum(NUMBER_RESETS),
  /** What the next number would be now (not taken). */
  preview: z.string(),
});
export type NumberSeries = z.infer<typeof numberSeriesSchema>;
export const numberSeriesList = z.object({ items: z.array(numberSeriesSchema) });

export const numberSeriesUpdate = z.object({ pattern: numberPatternSchema, reset: z.enum(NUMBER_RESETS) }).strict();
export const numberSeriesParams = z.object({ key: z.string().min(1).max(40) });
