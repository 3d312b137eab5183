import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/platform-tables.js';

export type StageKind = 'open' | 'won' | 'lost';
type ForecastCategory = 'commit' | 'best_case' | 'pipeline' | 'omitted';
/** numeric columns arrive as decimal strings (platform/db/type-parsers.ts). */
type Numeric = ColumnType<string, string | number, string | number>;
/** A numeric column with a default: optional on insert. */
type NumericWithDefault = ColumnType<string, string | number | undefined, string | number>;
type DateOnly = ColumnType<string, string, string>;

export interface PipelineTable {
  id: Generated<string>;
  key: string | null;
  name: string;
  is_default: Generated<boolean>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PipelineStageTable {
  id: Generated<string>;
  pipeline_id: string;
  key: string;
  label_zh_cn: string;
  label_zh_tw: string;
  label_en: string;
  kind: Generated<StageKind>;
  position: number;
  probability: Numeric;
  min_probability: NumericWithDefault;
  max_probability: NumericWithDefault;
  stalled_after_days: number | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OpportunityTable {
  id: Generated<string>;
  owner_id: string;
  owner_dept_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  customer_id: string;
  name: string;
  amount: NumericWithDefault;
  currency: Generated<string>;
  pipeline_id: string;
  stage_id: string;
  status: Generated<StageKind>;
  probability: Numeric;
  expected_close_date: DateOnly | null;
  source: string | null;
  competitors: string | null;
  next_step: string | null;
  forecast_category: ForecastCategory | null;
  lost_reason: string | null;
  lost_note: string | null;
  description: string | null;
  lead_id: string | null;
  stage_entered_at: Timestamp;
  closed_at: NullableTimestamp;
  last_follow_up_at: NullableTimestamp;
  /** Every stage it has been in (from its stage history, kept by a trigger): for learned probabilities. */
  visited_stage_ids: Generated<string[]>;
}

export interface OpportunityContactTable {
  opportunity_id: string;
  contact_id: string;
  role: string | null;
}

export interface OpportunityStageHistoryTable {
  id: Generated<number>;
  opportunity_id: string;
  pipeline_id: string;
  stage_id: string;
  from_stage_id: string | null;
  probability: Numeric;
  amount: Numeric;
  entered_at: ColumnType<Date, Date | string, Date | string>;
  left_at: NullableTimestamp;
  changed_by: string | null;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    pipelines: PipelineTable;
    pipeline_stages: PipelineStageTable;
    opportunities: OpportunityTable;
    opportunity_contacts: OpportunityContactTable;
    opportunity_stage_history: OpportunityStageHistoryTable;
  }
}
