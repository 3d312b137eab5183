import { z } from 'zod';
import { LIMITS, dateSchema, idSchema, moneySchema, monthSchema, timestampSchema } from './common.js';
import { FORECAST_CATEGORIES, stageKind, stageLabels } from './opportunities.js';
import { dayPeriod, monthPeriod, reportCategory, reportFilters } from './reports.js';

// O5–O8, T6: forecast, pipeline totals, funnel, sources, industries, stage conversion and learned
// probabilities. Every report is scoped to the caller (own / department subtree / all); amounts are
// exact decimal strings, shares and rates plain numbers (percent, rounded).

/** The longest range a report accepts: 24 months, or 1,100 days for day ranges. */
export const REPORT_LIMITS = { months: 24, days: 1100, reps: 200 } as const;

const describe = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);

const page = {
  page: describe(z.coerce.number().int().min(1).max(10_000).default(1), 'Page of the per-rep rows'),
  pageSize: describe(z.coerce.number().int().min(1).max(REPORT_LIMITS.reps).default(50), 'Reps per page'),
};

/** Pipeline reports read `category` as the deal's forecast category. */
const dealCategory = reportCategory(
  z.enum(FORECAST_CATEGORIES),
  'Only deals in this forecast category: commit, best_case, pipeline or omitted',
);

// ---- Settings ----
const INDUSTRY_SOURCES = ['customer', 'lead'] as const;
export const reportSettingsSchema = z
  .object({
    /** O5: an open opportunity counts in the forecast when its probability is at least this (percent). */
    forecastThreshold: z.number().min(0).max(100),
    /** O7: a rep's stage share this many points away from the team's is flagged. */
    deviationPoints: z.number().min(0).max(100),
    /** O7: …and only when a gap that size is unlikely by chance for the rep's number of deals at this confidence (percent). */
    deviationConfidence: z.number().min(50).max(99.9).default(95),
    /** O8: where an opportunity's industry comes from: its customer, or the lead it was converted from (else the customer). */
    industrySource: z.enum(INDUSTRY_SOURCES),
  })
  .strict();
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

// ---- O5 forecast ----
export const forecastQuery = reportFilters.extend({
  ...dealCategory,
  ...monthPeriod,
  month: describe(monthSchema.optional(), 'The month whose figures rank the reps (default: the first month of the range)'),
  ...page,
});

const forecastFigures = z.object({
  month: monthSchema,
  /** Σ amount × probability over open opportunities expected to close this month with probability ≥ threshold. */
  forecast: z.string(),
  forecastCount: z.number().int(),
  /** Amounts (not weighted) of open opportunities per forecast category, expected to close this month. */
  commit: z.string(),
  bestCase: z.string(),
  pipeline: z.string(),
  omitted: z.string(),
  /** Signed: won opportunities closed this month (company time zone). */
  won: z.string(),
  wonCount: z.number().int(),
});
export type ForecastFigures = z.infer<typeof forecastFigures>;

export const forecastAdjustmentSchema = z.object({
  id: idSchema,
  departmentId: idSchema,
  month: monthSchema,
  /** The manager's number for the team; null withdraws an earlier adjustment. */
  amount: z.string().nullable(),
  note: z.string(),
  createdBy: idSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: timestampSchema,
});
export type ForecastAdjustment = z.infer<typeof forecastAdjustmentSchema>;

export const forecastResponse = z.object({
  threshold: z.number(),
  currentMonth: monthSchema,
  months: z.array(monthSchema),
  total: z.array(forecastFigures),
  departments: z.array(
    z.object({
      departmentId: idSchema,
      name: z.string(),
      parentId: idSchema.nullable(),
      months: z.array(forecastFigures.extend({ adjustment: forecastAdjustmentSchema.nullable() })),
    }),
  ),
  reps: z.object({
    items: z.array(
      z.object({
        ownerId: idSchema,
        ownerName: z.string(),
        departmentName: z.string().nullable(),
        months: z.array(forecastFigures),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type ForecastReport = z.infer<typeof forecastResponse>;

export const createForecastAdjustmentBody = z
  .object({
    departmentId: idSchema,
    month: monthSchema,
    amount: moneySchema.nullable(),
    note: z.string().trim().min(1).max(500),
  })
  .strict();
export const forecastAdjustmentListQuery = z.object({
  departmentId: idSchema,
  month: monthSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});

// ---- Forecast accuracy (weekly snapshots) ----
export const forecastAccuracyQuery = reportFilters.extend({
  from: describe(monthSchema.optional(), 'First month, YYYY-MM (default: three months ago)'),
  to: describe(monthSchema.optional(), 'Last month, YYYY-MM (default: this month)'),
  page: page.page,
  pageSize: page.pageSize,
});
const accuracyFigures = z.object({
  month: monthSchema,
  /** Week (Monday) of the snapshot the forecast is taken from: the last one taken on or before the 1st of the month. */
  snapshotWeek: dateSchema.nullable(),
  forecast: z.string().nullable(),
  won: z.string(),
  /** won − forecast */
  difference: z.string().nullable(),
  /** 100 − |won − forecast| / forecast × 100, at least 0; null without a forecast. */
  accuracy: z.number().nullable(),
});
export const forecastAccuracyResponse = z.object({
  total: z.array(accuracyFigures),
  reps: z.object({
    items: z.array(accuracyFigures.extend({ ownerId: idSchema, ownerName: z.string() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type ForecastAccuracyReport = z.infer<typeof forecastAccuracyResponse>;

export const snapshotRunSchema = z.object({
  weekStart: dateSchema,
  takenOn: dateSchema,
  takenAt: timestampSchema,
  threshold: z.number(),
  groups: z.number().int(),
});
export const snapshotListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});

// ---- O6 pipeline totals ----
export const pipelineTotalsQuery = reportFilters.extend(dealCategory);
const countAmount = z.object({ count: z.number().int(), amount: z.string() });
export const pipelineTotalsResponse = z.object({
  won: countAmount,
  lost: countAmount,
  open: countAmount.extend({ expectedRevenue: z.string() }),
  stages: z.array(
    z.object({
      pipelineId: idSchema,
      pipelineName: z.string(),
      stageId: idSchema,
      labels: stageLabels,
      kind: stageKind,
      position: z.number().int(),
      /** The stage's configured default probability. */
      probability: z.number(),
      count: z.number().int(),
      amount: z.string(),
      /** Σ amount × the opportunity's own probability. */
      expectedRevenue: z.string(),
    }),
  ),
});
export type PipelineTotals = z.infer<typeof pipelineTotalsResponse>;

// ---- O7 funnel ----
export const funnelQuery = reportFilters.extend({
  ...dealCategory,
  deviationPoints: describe(z.coerce.number().min(0).max(100).optional(), 'Flag threshold in points (default: the company setting)'),
  confidence: describe(
    z.coerce.number().min(50).max(99.9).optional(),
    'Confidence in percent of the binomial test a flag also needs (default: the company setting)',
  ),
  ...page,
});
const funnelCell = z.object({
  stageId: idSchema,
  count: z.number().int(),
  amount: z.string(),
  /** Percent of the rep's (or team's) open opportunities in this stage, one decimal. */
  share: z.number(),
});
export const funnelResponse = z.object({
  pipelineId: idSchema.nullable(),
  deviationPoints: z.number(),
  /** O7: a cell is flagged when it is more than deviationPoints away and its p-value is below 1 − confidence / 100. */
  confidence: z.number(),
  stages: z.array(z.object({ stageId: idSchema, labels: stageLabels, position: z.number().int(), probability: z.number() })),
  team: z.object({ openCount: z.number().int(), cells: z.array(funnelCell) }),
  reps: z.object({
    items: z.array(
      z.object({
        ownerId: idSchema,
        ownerName: z.string(),
        openCount: z.number().int(),
        cells: z.array(
          funnelCell.extend({
            deviation: z.number(),
            /** Exact two-sided binomial p-value of the rep's count at the team's share. */
            pValue: z.number(),
            outsidePoints: z.boolean(),
            unlikely: z.boolean(),
            flagged: z.boolean(),
          }),
        ),
        flags: z.number().int(),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type FunnelReport = z.infer<typeof funnelResponse>;

// ---- O8 sources and industries ----
export const sourcesQuery = reportFilters.extend({ ...dealCategory, ...dayPeriod });
export const sourcesResponse = z.object({
  from: dateSchema,
  to: dateSchema,
  items: z.array(
    z.object({
      source: z.string().nullable(),
      /** Opportunities created in the period. */
      count: z.number().int(),
      amount: z.string(),
      wonCount: z.number().int(),
      wonAmount: z.string(),
      lostCount: z.number().int(),
      /** won ÷ (won + lost) among them, percent; null while none is closed. */
      winRate: z.number().nullable(),
      /** Days from creation to winning, average over the won ones. */
      avgCycleDays: z.number().nullable(),
    }),
  ),
});
export type SourcesReport = z.infer<typeof sourcesResponse>;

export const industriesQuery = reportFilters.extend({ ...dealCategory, ...dayPeriod, ...page });
const industryCell = z.object({
  industry: z.string().nullable(),
  /** Opportunities created in the period. */
  count: z.number().int(),
  amount: z.string(),
  /** Won (signed) in the period. */
  wonCount: z.number().int(),
  wonAmount: z.string(),
});
export const industriesResponse = z.object({
  from: dateSchema,
  to: dateSchema,
  industrySource: z.enum(INDUSTRY_SOURCES),
  team: z.array(industryCell),
  reps: z.object({
    items: z.array(z.object({ ownerId: idSchema, ownerName: z.string(), cells: z.array(industryCell) })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type IndustriesReport = z.infer<typeof industriesResponse>;

// ---- T6 stage conversion, sales cycle ----
export const stageConversionQuery = reportFilters.extend({ ...dealCategory, ...dayPeriod });
const cycle = z.object({ count: z.number().int(), avgDays: z.number().nullable() });
export const stageConversionResponse = z.object({
  pipelineId: idSchema.nullable(),
  from: dateSchema,
  to: dateSchema,
  stages: z.array(
    z.object({
      stageId: idSchema,
      labels: stageLabels,
      position: z.number().int(),
      /** Opportunities that entered the stage in the period. */
      entered: z.number().int(),
      /** … and then moved on to a later stage or won. */
      advanced: z.number().int(),
      lost: z.number().int(),
      movedBack: z.number().int(),
      /** … and are still there. */
      stillThere: z.number().int(),
      /** advanced ÷ entered, percent. */
      conversionRate: z.number().nullable(),
      /** Average days spent in the stage, over the stays that ended. */
      avgDays: z.number().nullable(),
    }),
  ),
  /** Opportunities closed in the period: days from creation to close. */
  cycle: z.object({ won: cycle, lost: cycle, all: cycle }),
});
export type StageConversionReport = z.infer<typeof stageConversionResponse>;

// ---- Probabilities learned from the company's own history ----
export const learnedProbabilitiesQuery = reportFilters.extend({
  ...dayPeriod,
  minSample: describe(
    z.coerce.number().int().min(1).max(10_000).default(5),
    'Stages reached by fewer closed opportunities get no suggestion',
  ),
});
export const learnedProbabilitiesResponse = z.object({
  pipelineId: idSchema.nullable(),
  from: dateSchema,
  to: dateSchema,
  closedCount: z.number().int(),
  wonCount: z.number().int(),
  minSample: z.number().int(),
  stages: z.array(
    z.object({
      stageId: idSchema,
      labels: stageLabels,
      position: z.number().int(),
      probability: z.number(),
      minProbability: z.number(),
      maxProbability: z.number(),
      /** Closed opportunities (closed in the period) that were in this stage at some point. */
      reached: z.number().int(),
      won: z.number().int(),
      /** won ÷ reached, percent (two decimals). */
      learned: z.number().nullable(),
      /** The learned share rounded to a whole percent and kept within the stage's range; null below minSample. */
      suggested: z.number().nullable(),
    }),
  ),
});
export type LearnedProbabilities = z.infer<typeof learnedProbabilitiesResponse>;
export const applyLearnedProbabilitiesBody = z
  .object({ pipelineId: idSchema, from: dateSchema, to: dateSchema, minSample: z.number().int().min(1).max(10_000).default(5) })
  .strict();

export const reportPipelinesResponse = z.object({
  items: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      isDefault: z.boolean(),
      stages: z.array(
        z.object({ id: idSchema, labels: stageLabels, kind: stageKind, position: z.number().int(), probability: z.number() }),
      ),
    }),
  ),
});
export type ReportPipeline = z.infer<typeof reportPipelinesResponse>['items'][number];

// ---- T4 leaderboard (销售排行) ----
export const leaderboardQuery = reportFilters.extend({
  month: describe(monthSchema.optional(), 'The month, YYYY-MM (default: this month in the company time zone)'),
  limit: describe(z.coerce.number().int().min(1).max(100).default(10), 'Reps shown, best first'),
});
export const leaderboardResponse = z.object({
  month: monthSchema,
  /** Signed (won) in the month, per rep, by the instant it was won — the forecast's 已签约. */
  items: z.array(
    z.object({
      rank: z.number().int(),
      ownerId: idSchema,
      ownerName: z.string(),
      departmentName: z.string().nullable(),
      wonCount: z.number().int(),
      wonAmount: z.string(),
    }),
  ),
  /** Everyone in scope, not only the reps shown. */
  total: z.object({ reps: z.number().int(), wonCount: z.number().int(), wonAmount: z.string() }),
});
export type LeaderboardReport = z.infer<typeof leaderboardResponse>;
