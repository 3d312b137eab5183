import type { Generated } from 'kysely';
import type { RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface ContactTable extends RecordBaseColumns {
  customer_id: string;
  name: string;
  title: string | null;
  department: string | null;
  role: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  notes: string | null;
  is_primary: Generated<boolean>;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    contacts: ContactTable;
  }
}
