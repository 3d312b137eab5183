import { z } from 'zod';
import { idSchema, moneySchema, optionalText, versionField } from './common.js';

// T1 销售目标 and T2 目标达成 (seeds 001, 002). A target is set for a year, for the whole company or
// a department, and split into cells: one per (person or direct sub-department) × month. Quarter and
// year figures are sums of months. Money and counts are exact decimal strings.

const describe = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);

export const TARGET_TYPES = ['signed_amount', 'gross_margin', 'collections', 'new_customers', 'won_opportunities'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
/** Types counted in whole units (customers); the rest are money with two decimals. */
export const COUNT_TARGET_TYPES: readonly TargetType[] = ['new_customers'];
export const isCountTarget = (type: TargetType) => COUNT_TARGET_TYPES.includes(type);
/** Types whose rest of the period can be set against the weighted pipeline forecast (seed 002: 预计签约). */
export const FORECAST_TARGET_TYPES: readonly TargetType[] = ['signed_amount', 'won_opportunities'];

/** T1 "optionally by product or region": a target may be for one product category or one region only. */
export const TARGET_DIMENSIONS = ['product_category', 'region'] as const;
export type TargetDimension = (typeof TARGET_DIMENSIONS)[number];
/** Only signed amounts are split by product (contract lines); every type by the customer's region. */
export const PRODUCT_TARGET_TYPES: readonly TargetType[] = ['signed_amount'];
const dimensionFields = {
  dimension: describe(z.enum(TARGET_DIMENSIONS).nullable().default(null), 'Only one product category or region'),
  dimensionValue: describe(
    z.string().trim().max(100).nullable().default(null),
    'The product category id, or the region (华东 or 华东/上海)',
  ),
};

export const SPLIT_METHODS = ['even', 'last_year', 'manual'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;
const year = z.coerce.number().int().min(TARGET_YEAR_MIN).max(TARGET_YEAR_MAX);
const targetAmount = moneySchema.refine((v) => !v.startsWith('-'), { message: 'not_negative' });

export const createTargetBody = z.object({
  type: z.enum(TARGET_TYPES),
  year,
  departmentId: describe(idSchema.nullable().default(null), 'The department; null for the whole company'),
  amount: describe(targetAmount, 'The yearly target'),
  notes: optionalText(500),
  ...dimensionFields,
});
export type CreateTargetBody = z.infer<typeof createTargetBody>;

export const updateTargetBody = z.object({ version: versionField, amount: targetAmount.optional(), notes: optionalText(500) });

/** One row of the grid: a person of the department or one of its direct sub-departments. */
export const cellOwner = z.object({
  userId: idSchema.nullable().default(null),
  departmentId: idSchema.nullable().default(null),
});
export const targetCell = cellOwner.extend({
  month: z.number().int().min(1).max(12),
  amount: targetAmount,
});
export type TargetCell = z.infer<typeof targetCell>;
/** A cell as the server answers it (plain strings: a response schema cannot hold a transform). */
export const targetCellOut = z.object({
  userId: idSchema.nullable(),
  departmentId: idSchema.nullable(),
  month: z.number(),
  amount: z.string(),
});

export const saveCellsBody = z.object({
  version: versionField,
  method: z.enum(SPLIT_METHODS).default('manual'),
  cells: z.array(targetCell).max(12 * 500),
});

export const splitBody = z.object({
  method: z.enum(['even', 'last_year']),
  /** The rows to split over, in grid order; the odd fen fall on the last cell. */
  rows: z.array(cellOwner).min(1).max(500),
});

export const gridRowSchema = z.object({
  userId: idSchema.nullable(),
  departmentId: idSchema.nullable(),
  name: z.string(),
  kind: z.enum(['person', 'department']),
  /** A former member who still holds cells of this target. */
  inactive: z.boolean(),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const targetSchema = z.object({
  id: idSchema,
  version: z.number(),
  type: z.enum(TARGET_TYPES),
  year: z.number(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  dimension: z.enum(TARGET_DIMENSIONS).nullable(),
  dimensionValue: z.string().nullable(),
  /** The category's name or the region, as shown. */
  dimensionLabel: z.string().nullable(),
  title: z.string(),
  amount: z.string(),
  distributed: z.string(),
  /** amount − distributed: what is not yet split to people and months. */
  undistributed: z.string(),
  /** What the parent's target gives this department (null: no parent target, or the company). */
  parentAllocation: z.string().nullable(),
  splitMethod: z.enum(SPLIT_METHODS),
  notes: z.string().nullable(),
  /** The period has started and no administrator reopened it. */
  locked: z.boolean(),
  reopenedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof targetSchema>;

export const targetDetailSchema = targetSchema.extend({
  rows: z.array(gridRowSchema),
  cells: z.array(targetCellOut),
  /** May the caller change it now (permission, scope, lock)? */
  editable: z.boolean(),
  canReopen: z.boolean(),
});
export type TargetDetail = z.infer<typeof targetDetailSchema>;

export const targetListQuery = z.object({
  year: year.optional(),
  type: z.enum(TARGET_TYPES).optional(),
  departmentId: idSchema.optional(),
});
export const targetListResponse = z.object({ items: z.array(targetSchema) });

export const splitResponse = z.object({ cells: z.array(targetCellOut) });

// ---- T2 attainment -------------------------------------------------------------------------------

export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** 2026, 2026-Q3 or 2026-07. */
export const periodSchema = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'invalid_format' });

export const attainmentQuery = z.object({
  type: z.enum(TARGET_TYPES).default('signed_amount'),
  period: describe(periodSchema.optional(), 'YYYY, YYYY-Qn or YYYY-MM (default: this month in the company time zone)'),
  departmentId: describe(idSchema.optional(), 'Drill into this department: its sub-departments and people'),
  dimension: z.enum(TARGET_DIMENSIONS).optional(),
  dimensionValue: z.string().trim().max(100).optional(),
});
export type AttainmentQuery = z.infer<typeof attainmentQuery>;

export const attainmentRowSchema = z.object({
  kind: z.enum(['company', 'department', 'person']),
  id: idSchema.nullable(),
  name: z.string(),
  /** The row the others sit under (the drilled department or the company). */
  isParent: z.boolean(),
  /** A department with sub-departments or people to drill into. */
  drillable: z.boolean(),
  target: z.string().nullable(),
  actual: z.string(),
  /** actual ÷ target in percent, two decimals; null without a target. */
  rate: z.string().nullable(),
  /** target − actual, never below 0. */
  gap: z.string().nullable(),
  /** Weighted forecast for the rest of the period (预计签约); null where the type has none. */
  forecast: z.string().nullable(),
  /** gap − forecast: what is still missing even if the forecast comes in (≤ 0: will make it). */
  gapAfterForecast: z.string().nullable(),
});
export type AttainmentRow = z.infer<typeof attainmentRowSchema>;

export const attainmentResponse = z.object({
  type: z.enum(TARGET_TYPES),
  period: z.string(),
  dimension: z.enum(TARGET_DIMENSIONS).nullable(),
  dimensionValue: z.string().nullable(),
  /** One level up from the drilled department (null: the top of the caller's view). */
  upDepartmentId: idSchema.nullable(),
  from: z.string(),
  to: z.string(),
  /** From when the forecast counts (today, or the period's start when it lies ahead); null once the period is over. */
  forecastFrom: z.string().nullable(),
  /** Share of the period elapsed, in percent (time progress, 时间进度). */
  elapsed: z.string(),
  rows: z.array(attainmentRowSchema),
});
export type AttainmentReport = z.infer<typeof attainmentResponse>;
