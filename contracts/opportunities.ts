import { z } from 'zod';
import {
  csvList,
  dateSchema,
  idSchema,
  LIMITS,
  listQueryBase,
  moneySchema,
  monthSchema,
  optionalText,
  recordBase,
  requiredText,
  timestampSchema,
  versionField,
} from './common.js';

// O1–O4: pipelines with their stages, opportunities (商机), stage moves and the kanban board.
// Amounts are exact decimal strings; probabilities are percentages with up to two decimals.

export const FORECAST_CATEGORIES = ['commit', 'best_case', 'pipeline', 'omitted'] as const;
const forecastCategory = z.enum(FORECAST_CATEGORIES);

export const stageLabels = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });
export const stageKind = z.enum(['open', 'won', 'lost']);

const probability = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => Math.round(n * 100) === n * 100, { message: 'invalid_format' });

// ---- O2 pipelines ----
const pipelineStageSchema = z.object({
  id: idSchema,
  key: z.string(),
  labels: stageLabels,
  kind: stageKind,
  position: z.number().int(),
  probability: z.number(),
  minProbability: z.number(),
  maxProbability: z.number(),
  stalledAfterDays: z.number().int().nullable(),
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

/** A pipeline and its stages, without counts: what the board needs. */
const pipelineDefinitionSchema = z.object({
  id: idSchema,
  key: z.string().nullable(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  /** Stages in order: the open ones, then won, then lost. */
  stages: z.array(pipelineStageSchema),
});
export type PipelineDefinition = z.infer<typeof pipelineDefinitionSchema>;
/** The admin's view: how many open opportunities each pipeline holds, company-wide. */
export const pipelineSchema = pipelineDefinitionSchema.extend({ openCount: z.number().int() });
export type Pipeline = z.infer<typeof pipelineSchema>;

const stageInput = z
  .object({
    /** An existing stage keeps its id (and its opportunities); a stage without one is new. */
    id: idSchema.optional(),
    labels: z.strictObject({
      'zh-CN': requiredText(30),
      'zh-TW': z.string().trim().max(30).optional(),
      en: z.string().trim().max(40).optional(),
    }),
    kind: stageKind,
    probability,
    minProbability: probability.optional(),
    maxProbability: probability.optional(),
    stalledAfterDays: z.number().int().min(1).max(3650).nullish(),
  })
  .strict();
export type StageInput = z.infer<typeof stageInput>;

export const pipelineBody = z
  .object({
    name: requiredText(50),
    isDefault: z.boolean().optional(),
    active: z.boolean().optional(),
    /** The whole ordered list: open stages, then exactly one won and one lost stage. */
    stages: z.array(stageInput).min(3).max(20),
  })
  .strict();
export const updatePipelineBody = pipelineBody.extend({ version: versionField }).strict();

// ---- Company settings for opportunities ----
export const opportunitySettingsSchema = z
  .object({
    /** An open opportunity with no follow-up in this many days is flagged stalled (null: only the stage limits). */
    stalledNoFollowUpDays: z.number().int().min(1).max(365).nullable(),
  })
  .strict();
export type OpportunitySettings = z.infer<typeof opportunitySettingsSchema>;

// ---- O1 opportunities ----
const contactRole = z.object({ contactId: idSchema, role: optionalText(40) }).strict();

const opportunityFields = z.object({
  customerId: idSchema,
  name: requiredText(LIMITS.name),
  amount: moneySchema.refine((s) => !s.startsWith('-'), { message: 'min' }).default('0.00'),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, { message: 'invalid_format' })
    .default('CNY'),
  /** Default: the company's default pipeline. */
  pipelineId: idSchema.optional(),
  /** Default: the pipeline's first stage. */
  stageId: idSchema.optional(),
  /** Default: the stage's probability; a rep may set it within the stage's range. */
  probability: probability.optional(),
  expectedCloseDate: dateSchema.nullish(),
  source: optionalText(40),
  competitors: optionalText(300),
  nextStep: optionalText(300),
  forecastCategory: forecastCategory.nullish(),
  description: optionalText(LIMITS.text),
  contacts: z.array(contactRole).max(30).default([]),
  ownerId: idSchema.optional(),
});
export const createOpportunityBody = opportunityFields.strict();
export const updateOpportunityBody = opportunityFields
  .omit({ customerId: true, pipelineId: true, stageId: true, amount: true, currency: true, contacts: true })
  .partial()
  .extend({
    amount: opportunityFields.shape.amount.unwrap().optional(),
    currency: opportunityFields.shape.currency.unwrap().optional(),
    contacts: z.array(contactRole).max(30).optional(),
    version: versionField,
  })
  .strict();

/** O4: a stage move (the board's drag and drop, the detail page's stage bar). */
export const moveStageBody = z
  .object({
    stageId: idSchema,
    version: versionField,
    /** Keep a probability of one's own within the new stage's range; default: the stage's. */
    probability: probability.optional(),
    /** Required when the stage is a lost one (picklist lost_reason). */
    lostReason: optionalText(40),
    lostNote: optionalText(500),
  })
  .strict();

const STALLED_REASONS = ['stage_limit', 'no_follow_up'] as const;

const opportunityStageRef = z.object({
  id: idSchema,
  labels: stageLabels,
  kind: stageKind,
  probability: z.number(),
  minProbability: z.number(),
  maxProbability: z.number(),
});

export const opportunitySchema = recordBase.extend({
  customerId: idSchema,
  customerName: z.string(),
  name: z.string(),
  amount: z.string(),
  currency: z.string(),
  /** amount × probability / 100, exact to the cent. */
  weightedAmount: z.string(),
  pipelineId: idSchema,
  pipelineName: z.string(),
  stage: opportunityStageRef,
  status: stageKind,
  probability: z.number(),
  expectedCloseDate: dateSchema.nullable(),
  source: z.string().nullable(),
  competitors: z.string().nullable(),
  nextStep: z.string().nullable(),
  forecastCategory: forecastCategory.nullable(),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
  description: z.string().nullable(),
  leadId: idSchema.nullable(),
  stageEnteredAt: timestampSchema,
  /** Whole days in the current stage (company time zone is irrelevant: elapsed time). */
  daysInStage: z.number().int(),
  closedAt: timestampSchema.nullable(),
  lastFollowUpAt: timestampSchema.nullable(),
  /** Open and over its stage's limit, or without a follow-up for the company's number of days. */
  stalled: z.enum(STALLED_REASONS).nullable(),
  contacts: z.array(z.object({ contactId: idSchema, name: z.string(), role: z.string().nullable() })),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

/** Filters the board, the list and the export share. */
export const opportunityFilters = z.object({
  q: z.string().trim().max(100).optional(),
  pipelineId: idSchema.optional(),
  ownerId: idSchema.optional(),
  departmentId: idSchema.optional(),
  source: csvList(40).optional(),
  /** Expected close date in this month (YYYY-MM). */
  closeMonth: monthSchema.optional(),
  customerId: idSchema.optional(),
  stalled: z.enum(['true']).optional(),
});

export const opportunityListQuery = listQueryBase.extend({
  ...opportunityFilters.shape,
  stageId: idSchema.optional(),
  status: stageKind.optional(),
});

export const boardQuery = opportunityFilters.extend({
  /** Cards per column on the first page; more through the list with stageId. */
  perColumn: z.coerce.number().int().min(1).max(100).default(20),
});

const boardCardSchema = z.object({
  id: idSchema,
  name: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  probability: z.number(),
  weightedAmount: z.string(),
  expectedCloseDate: dateSchema.nullable(),
  stageEnteredAt: timestampSchema,
  daysInStage: z.number().int(),
  stalled: z.enum(STALLED_REASONS).nullable(),
  version: z.number().int(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

export const boardResponse = z.object({
  pipeline: pipelineDefinitionSchema,
  columns: z.array(
    z.object({
      stage: pipelineStageSchema,
      count: z.number().int(),
      amount: z.string(),
      weightedAmount: z.string(),
      cards: z.array(boardCardSchema),
    }),
  ),
  /** Open opportunities only: count, amount and weighted amount. */
  openTotals: z.object({ count: z.number().int(), amount: z.string(), weightedAmount: z.string() }),
});
export type Board = z.infer<typeof boardResponse>;

export const stageHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      stageId: idSchema,
      stageLabels: stageLabels,
      stageKind: stageKind,
      fromStageLabels: stageLabels.nullable(),
      probability: z.number(),
      amount: z.string(),
      enteredAt: timestampSchema,
      leftAt: timestampSchema.nullable(),
      /** Days spent in the stage (to now for the current one). */
      days: z.number(),
      changedByName: z.string().nullable(),
    }),
  ),
});
export type StageHistory = z.infer<typeof stageHistorySchema>;
