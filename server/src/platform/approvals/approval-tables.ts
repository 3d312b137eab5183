import type { Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/platform-tables.js';

export interface ApprovalFlowVersionTable {
  id: Generated<string>;
  document_type: string;
  version: number;
  definition: JSONColumnType<object, string, string>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface ApprovalRequestTable {
  id: Generated<string>;
  document_type: string;
  document_id: string;
  flow_version_id: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  round: number;
  current_step: number | null;
  applies: boolean[];
  facts: JSONColumnType<Record<string, string | number | null>, string, string>;
  title: string;
  link: string | null;
  amount: string | null;
  customer_id: string | null;
  submitted_by: string;
  owner_id: string | null;
  submitted_at: Timestamp;
  step_started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ApprovalTaskTable {
  id: Generated<string>;
  request_id: string;
  step: number;
  slot: number;
  status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'cancelled';
  approver_ids: string[];
  via_fallback: boolean;
  acted_by: string | null;
  acted_at: NullableTimestamp;
  comment: string | null;
}

export interface ApprovalActionTable {
  id: Generated<string>;
  seq: Generated<string>;
  request_id: string;
  document_type: string;
  document_id: string;
  customer_id: string | null;
  kind: string;
  step: number | null;
  actor_id: string | null;
  comment: string | null;
  created_at: Timestamp;
}

export interface ApprovalDelegationTable {
  id: Generated<string>;
  user_id: string;
  delegate_id: string;
  starts_on: string;
  ends_on: string;
  created_at: Generated<Date>;
  revoked_at: NullableTimestamp;
}

declare module '../db/database.js' {
  interface Tables {
    approval_flow_versions: ApprovalFlowVersionTable;
    approval_requests: ApprovalRequestTable;
    approval_tasks: ApprovalTaskTable;
    approval_actions: ApprovalActionTable;
    approval_delegations: ApprovalDelegationTable;
  }
}
