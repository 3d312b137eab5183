import type { Generated } from 'kysely';
import type { NullableTimestamp, RecordBaseColumns, Timestamp } from '../../platform/db/platform-tables.js';
import type { StoredLine } from '../quotes/public.js';

export type ContractStatus = 'draft' | 'in_approval' | 'effective' | 'terminated' | 'voided';

export interface ContractTable extends RecordBaseColumns {
  number: string;
  customer_id: string;
  opportunity_id: string | null;
  quote_id: string | null;
  title: string;
  status: Generated<ContractStatus>;
  sign_date: string | null;
  start_date: string | null;
  end_date: string | null;
  payment_terms: string | null;
  whole_discount: Generated<string>;
  amount: Generated<string>;
  tax_total: Generated<string>;
  cost_total: string | null;
  effective_at: NullableTimestamp;
  end_request: 'terminate' | 'void' | null;
  end_reason: string | null;
  ended_at: NullableTimestamp;
  notes: string | null;
}

export interface ContractAmendmentTable {
  id: Generated<string>;
  contract_id: string;
  number: string;
  title: string;
  reason: string;
  status: Generated<'draft' | 'in_approval' | 'effective'>;
  amount_change: string;
  created_by: string | null;
  created_at: Timestamp;
  effective_at: NullableTimestamp;
}

export interface ContractLineTable extends StoredLine {
  id: Generated<string>;
  contract_id: string;
  amendment_id: string | null;
}

export interface ContractLineProgressTable {
  id: Generated<string>;
  contract_id: string;
  line_id: string;
  percent: string;
  milestone: string | null;
  reached_on: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** Live contracts per owner, owner's department and status, kept by triggers (migration 0041). */
export interface ContractCountTable {
  owner_id: string;
  owner_dept_id: string | null;
  status: string;
  live: number;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    contracts: ContractTable;
    contract_counts: ContractCountTable;
    contract_amendments: ContractAmendmentTable;
    contract_lines: ContractLineTable;
    contract_line_progress: ContractLineProgressTable;
  }
}
