import type { Generated } from 'kysely';
import type { RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface PaymentInstalmentTable {
  id: Generated<string>;
  contract_id: string;
  position: number;
  due_date: string;
  amount: string;
  milestone: string | null;
  note: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PaymentTable extends RecordBaseColumns {
  contract_id: string;
  title: string;
  received_on: string;
  amount: string;
  method: string;
  bank_reference: string | null;
  note: string | null;
  status: Generated<string>;
  confirmed_by: string | null;
  confirmed_at: Date | null;
}

export interface PaymentAllocationTable {
  id: Generated<string>;
  payment_id: string;
  instalment_id: string;
  amount: string;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    payment_instalments: PaymentInstalmentTable;
    payments: PaymentTable;
    payment_allocations: PaymentAllocationTable;
  }
}
