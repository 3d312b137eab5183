import type { Selectable } from 'kysely';
import type { RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface FollowUpTable extends RecordBaseColumns {
  customer_id: string;
  contact_id: string | null;
  opportunity_id: string | null;
  type: 'call' | 'visit' | 'meeting' | 'email' | 'note';
  occurred_at: Date | string;
  content: string;
  outcome: string | null;
  next_follow_up_date: string | null;
}

export type FollowUpRow = Selectable<FollowUpTable>;

declare module '../../platform/db/database.js' {
  interface Tables {
    follow_ups: FollowUpTable;
  }
}
