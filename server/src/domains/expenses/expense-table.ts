import type { Generated } from 'kysely';
import type { NullableTimestamp, RecordBaseColumns } from '../../platform/db/platform-tables.js';

export type ExpenseStatus = 'draft' | 'in_approval' | 'approved' | 'rejected';

/** M4 费用 (migration 0045). The profit report reads approved, live rows of it. */
export interface ExpenseTable extends RecordBaseColumns {
  number: string;
  customer_id: string;
  opportunity_id: string | null;
  contract_id: string | null;
  category: string;
  amount: string;
  spent_on: string;
  description: string;
  status: Generated<ExpenseStatus>;
  submitted_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  rejected_at: NullableTimestamp;
  reject_reason: string | null;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    expenses: ExpenseTable;
  }
}
