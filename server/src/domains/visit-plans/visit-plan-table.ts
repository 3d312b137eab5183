import type { RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface VisitPlanTable extends RecordBaseColumns {
  plan_date: string;
  customer_id: string;
  contact_id: string | null;
  purpose: string | null;
  fulfilled_by: string | null;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    visit_plans: VisitPlanTable;
  }
}
