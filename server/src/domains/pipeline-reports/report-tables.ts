import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/platform-tables.js';

/** numeric columns arrive as decimal strings (platform/db/type-parsers.ts). */
type Numeric = ColumnType<string, string | number, string | number>;
type DateOnly = ColumnType<string, string, string>;

/** Kept by triggers on opportunities (0014); never written by the application. */
export interface OpportunityStageTotalsTable {
  owner_id: string;
  owner_dept_id: string | null;
  pipeline_id: string;
  stage_id: string;
  status: 'open' | 'won' | 'lost';
  forecast_category: string | null;
  n: number;
  amount: Numeric;
  amount_x_probability: Numeric;
}

export interface ForecastAdjustmentTable {
  id: Generated<string>;
  department_id: string;
  month: DateOnly;
  amount: Numeric | null;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PipelineSnapshotRunTable {
  week_start: DateOnly;
  taken_on: DateOnly;
  taken_at: Timestamp;
  threshold: Numeric;
  groups: Generated<number>;
}

export interface PipelineSnapshotTable {
  week_start: DateOnly;
  owner_id: string;
  owner_dept_id: string | null;
  pipeline_id: string;
  close_month: DateOnly;
  open_count: number;
  open_amount: Numeric;
  forecast_count: number;
  forecast_amount: Numeric;
  commit_amount: Numeric;
  best_case_amount: Numeric;
  pipeline_amount: Numeric;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    opportunity_stage_totals: OpportunityStageTotalsTable;
    forecast_adjustments: ForecastAdjustmentTable;
    pipeline_snapshot_runs: PipelineSnapshotRunTable;
    pipeline_snapshots: PipelineSnapshotTable;
  }
}
