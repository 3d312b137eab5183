import type { TargetType } from '@contracts/targets.js';
import type { Generated } from 'kysely';
import type { NullableTimestamp, RecordBaseColumns } from '../../platform/db/platform-tables.js';

/** T1 (migration 0054): a yearly target of the company (department_id NULL) or a department. */
export interface TargetTable extends RecordBaseColumns {
  type: TargetType;
  year: number;
  department_id: string | null;
  dimension: 'product_category' | 'region' | null;
  dimension_value: string | null;
  title: string;
  amount: string;
  split_method: Generated<'even' | 'last_year' | 'manual'>;
  notes: string | null;
  reopened_at: NullableTimestamp;
  reopened_by: string | null;
}

/** One person's or sub-department's share of a target in one month. */
export interface TargetCellTable {
  target_id: string;
  user_id: string | null;
  department_id: string | null;
  month: number;
  amount: string;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    targets: TargetTable;
    target_cells: TargetCellTable;
  }
}
