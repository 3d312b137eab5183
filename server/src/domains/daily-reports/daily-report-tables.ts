import type { Generated } from 'kysely';
import type { NullableTimestamp } from '../../platform/db/platform-tables.js';

export interface DailyReportTable {
  id: Generated<string>;
  owner_id: string;
  owner_dept_id: string | null;
  day: string;
  comment: string | null;
  plan: string | null;
  sections: unknown;
  activity_count: number | null;
  delivered_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface DailyReportRunTable {
  day: string;
  delivered_at: Date;
  reports: number;
  team_summaries: number;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    daily_reports: DailyReportTable;
    daily_report_runs: DailyReportRunTable;
  }
}
