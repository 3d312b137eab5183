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
  /** Reserved by live payments (expected, in approval, confirmed), kept by trigger (0048). */
  allocated: Generated<string>;
  /** Paid by confirmed payments, kept by trigger (0048). */
  paid: Generated<string>;
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
  rejected_by: string | null;
  rejected_at: Date | null;
  reject_reason: string | null;
}

export interface PaymentAllocationTable {
  id: Generated<string>;
  payment_id: string;
  instalment_id: string;
  amount: string;
}

export interface InvoiceTable extends RecordBaseColumns {
  contract_id: string;
  number: string;
  issued_on: string;
  amount: string;
  type: string;
  tax_rate: string;
  tax_amount: string;
  note: string | null;
}

/** One row per contract, kept by triggers (0048): what the unpaid and uninvoiced lists walk. */
export interface ContractReceiptsTable {
  contract_id: string;
  owner_id: string;
  owner_dept_id: string | null;
  sign_date: string | null;
  live: boolean;
  amount: string;
  reserved: string;
  paid: string;
  invoiced: string;
}

export interface ReceivableCountsTable {
  owner_id: string;
  owner_dept_id: string | null;
  unpaid: number;
  uninvoiced: number;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    payment_instalments: PaymentInstalmentTable;
    payments: PaymentTable;
    payment_allocations: PaymentAllocationTable;
    invoices: InvoiceTable;
    contract_receipts: ContractReceiptsTable;
    receivable_counts: ReceivableCountsTable;
  }
}
