import type { Generated } from 'kysely';
import type { NullableTimestamp, RecordBaseColumns, Timestamp } from '../../platform/db/platform-tables.js';

export type QuoteStatus = 'draft' | 'in_approval' | 'approved' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'superseded';

export interface QuoteTable extends RecordBaseColumns {
  number: string;
  revision: number;
  supersedes_id: string | null;
  opportunity_id: string;
  customer_id: string;
  title: string;
  status: Generated<QuoteStatus>;
  valid_until: string | null;
  whole_discount: string;
  list_total: string;
  subtotal: string;
  total: string;
  tax_total: string;
  overall_discount: string;
  max_discount: string;
  cost_total: string | null;
  needed_approval: boolean | null;
  approved_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  accepted_at: NullableTimestamp;
  customer_rejected_at: NullableTimestamp;
  customer_reject_reason: string | null;
  notes: string | null;
  terms: string | null;
}

export interface QuoteLineTable {
  id: Generated<string>;
  quote_id: string;
  position: number;
  product_id: string;
  bundle_id: string | null;
  bundle_name: string | null;
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  quantity: string;
  list_price: string;
  unit_price: string;
  discount: string;
  amount: string;
  tax_rate: string;
  tax_amount: string;
  effective_discount: string;
  cost_price: string | null;
}

export interface QuoteDiscountLimitTable {
  role_id: string;
  max_discount: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface QuotePipelineStageTable {
  pipeline_id: string;
  stage_id: string;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    quotes: QuoteTable;
    quote_lines: QuoteLineTable;
    quote_discount_limits: QuoteDiscountLimitTable;
    quote_pipeline_stages: QuotePipelineStageTable;
  }
}
