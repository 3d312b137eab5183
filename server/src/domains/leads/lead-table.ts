import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/platform-tables.js';

export interface LeadTable {
  id: Generated<string>;
  owner_id: string | null;
  owner_dept_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  company: string;
  company_key: ColumnType<string, never, never>;
  contact_name: string | null;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  region: string | null;
  industry: string | null;
  source: string | null;
  status: Generated<'new' | 'contacted' | 'qualified' | 'disqualified' | 'converted'>;
  disqualify_reason: string | null;
  remarks: string | null;
  assigned_rule_id: string | null;
  assigned_at: NullableTimestamp;
  converted_at: NullableTimestamp;
  converted_customer_id: string | null;
  converted_contact_id: string | null;
  converted_opportunity_id: string | null;
}

export interface LeadAssignmentRuleTable {
  id: Generated<string>;
  name: string;
  position: number;
  active: Generated<boolean>;
  match_regions: ColumnType<string[], string[] | undefined, string[]>;
  match_industries: ColumnType<string[], string[] | undefined, string[]>;
  match_sources: ColumnType<string[], string[] | undefined, string[]>;
  strategy: 'user' | 'round_robin';
  user_ids: string[];
  rr_next: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    leads: LeadTable;
    lead_assignment_rules: LeadAssignmentRuleTable;
  }
}
