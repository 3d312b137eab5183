import { z } from 'zod';
import { idSchema, LIMITS } from './common.js';
import { reportFilters } from './reports.js';

// T7 data timeliness (数据及时性, seed 000: 数据的准确和及时是精细化控制的基础): per rep, what is stale,
// overdue, recorded late or incomplete; a score 0–100 and the rows to fix.

const describe = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);
const { departmentId, ownerId } = reportFilters.shape;

export const timelinessSettingsSchema = z
  .object({
    /** An open opportunity not touched (edited, moved or followed up) for this many days is stale. */
    staleDays: z.number().int().min(1).max(365),
    /** A follow-up written this many days or more after it happened was recorded late. */
    lateDays: z.number().int().min(1).max(30),
  })
  .strict();
export type TimelinessSettings = z.infer<typeof timelinessSettingsSchema>;

/** The four checks; each counts bad rows out of the rows it looks at. */
export const TIMELINESS_CHECKS = ['stale', 'overdue', 'late', 'incomplete'] as const;
export type TimelinessCheck = (typeof TIMELINESS_CHECKS)[number];

/** Follow-ups are judged over the last 30 days of entries; the other checks look at what is open today. */
export const TIMELINESS_WINDOW_DAYS = 30;

export const timelinessQuery = z.object({
  departmentId,
  ownerId,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
const figure = z.object({ bad: z.number().int(), total: z.number().int() });
const figures = z.object({
  /** Open opportunities not touched for staleDays, of all open ones. */
  stale: figure,
  /** Key customers whose follow-up date has passed (C6), of all key customers with a cycle. */
  overdue: figure,
  /** Follow-ups recorded lateDays or more after they happened, of those recorded in the last 30 days. */
  late: figure,
  /** Customers without industry, phone or a contact, and open opportunities without close date or amount, of all of them. */
  incomplete: figure,
  /** 100 × the average share of good rows over the checks that have rows; null when none has. */
  score: z.number().int().nullable(),
});
export const timelinessResponse = z.object({
  settings: timelinessSettingsSchema,
  today: z.string(),
  team: figures,
  reps: z.object({
    items: z.array(figures.extend({ ownerId: idSchema, ownerName: z.string() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type TimelinessReport = z.infer<typeof timelinessResponse>;

export const MISSING_FIELDS = ['industry', 'phone', 'contact', 'expectedCloseDate', 'amount'] as const;
export type MissingField = (typeof MISSING_FIELDS)[number];

export const timelinessFixesQuery = z.object({
  departmentId,
  ownerId,
  check: describe(z.enum(TIMELINESS_CHECKS).optional(), 'Only rows failing this check'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});
export const timelinessFixesResponse = z.object({
  items: z.array(
    z.object({
      check: z.enum(TIMELINESS_CHECKS),
      /** What to open: a customer, an opportunity or a follow-up (of a customer). */
      entity: z.enum(['customer', 'opportunity', 'followUp']),
      id: idSchema,
      /** The customer a follow-up belongs to (its page is where it is fixed). */
      customerId: idSchema.nullable(),
      name: z.string(),
      ownerId: idSchema,
      ownerName: z.string(),
      /** stale: days since touched; overdue: days past the follow-up date; late: days between happening and recording. */
      days: z.number().int().nullable(),
      missing: z.array(z.enum(MISSING_FIELDS)),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TimelinessFixes = z.infer<typeof timelinessFixesResponse>;
