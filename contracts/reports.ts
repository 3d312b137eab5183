import { z } from 'zod';
import { dateSchema, idSchema, monthSchema } from './common.js';

// What every report takes, whatever it reports on (pipeline, quotes, receivables, attainment, the
// daily report): the same filters, a period in months or days, and a file format for a download.

const describe = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);

/** Filters every report takes; each narrows the caller's scope, never widens it. */
export const reportFilters = z.object({
  departmentId: describe(idSchema.optional(), 'Only records owned in this department and its sub-departments'),
  ownerId: describe(idSchema.optional(), 'Only this owner’s records'),
  pipelineId: describe(idSchema.optional(), 'Only this sales pipeline'),
});

/**
 * `category` narrows a report to one category of what it counts. What a category is depends on the
 * report (a deal's forecast category in pipeline reports, a product category in product sales), so a
 * report takes it only where its figures can be split that way, and OpenAPI lists it only there.
 */
export const reportCategory = <T extends z.ZodType>(schema: T, description: string) => ({
  category: describe(schema.optional(), description),
});

/** A period in whole months (company time zone). */
export const monthPeriod = {
  from: describe(monthSchema.optional(), 'First month, YYYY-MM (default: this month in the company time zone)'),
  to: describe(monthSchema.optional(), 'Last month, YYYY-MM (default: next month)'),
};

/** A period in days, both ends included (company time zone). */
export const dayPeriod = {
  from: describe(dateSchema.optional(), 'First day, YYYY-MM-DD (company time zone)'),
  to: describe(dateSchema.optional(), 'Last day, YYYY-MM-DD, inclusive (default: today)'),
};

/** Without `format` a report answers JSON; with it, the same figures as a file to download. */
const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const reportFormatQuery = z.object({
  format: describe(z.enum(REPORT_FORMATS).optional(), 'csv or xlsx: download the same figures as a file (in the caller’s language)'),
});
