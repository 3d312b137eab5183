import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface CustomerTable extends Omit<RecordBaseColumns, 'owner_id'> {
  /** NULL while the customer sits in the public pool (公海, customer-pool domain). */
  owner_id: string | null;
  pooled_at: NullableTimestamp;
  pool_reason: 'released' | 'moved' | 'no_follow_up' | 'no_deal' | null;
  pooled_from: string | null;
  name: string;
  short_name: string | null;
  industry: string | null;
  source: string | null;
  grade: string | null;
  customer_type: Generated<'development' | 'retention' | 'project'>;
  region: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  is_key: Generated<boolean>;
  follow_up_cycle_days: number | null;
  credit_limit: string | null;
  remarks: string | null;
  /** C7 (grading domain): a person's 0–100 score, and whether the grade is the rules' or a person's. */
  potential_score: number | null;
  grade_source: 'auto' | 'manual' | null;
  grade_evaluated_at: NullableTimestamp;
}

/** Live customers per owner and owner department, kept by triggers (0002_customers.sql). */
export interface CustomerCountTable {
  owner_id: string | null;
  owner_dept_id: string | null;
  live: number;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    customers: CustomerTable;
    customer_counts: CustomerCountTable;
  }
}
