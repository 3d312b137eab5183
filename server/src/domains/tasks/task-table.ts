import type { ColumnType } from 'kysely';
import type { RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface TaskTable extends RecordBaseColumns {
  title: string;
  description: string | null;
  due_at: Date | string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  priority_rank: ColumnType<number, never, never>;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  remind_at: Date | string | null;
  completed_at: Date | string | null;
  customer_id: string | null;
  contact_id: string | null;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    tasks: TaskTable;
  }
}
