import type { Generated } from 'kysely';

export interface CustomerCreditLimitTable {
  customer_id: string;
  credit_limit: string;
  note: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    customer_credit_limits: CustomerCreditLimitTable;
  }
}
