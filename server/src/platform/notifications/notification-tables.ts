import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/platform-tables.js';

export interface JobRunTable {
  name: string;
  last_started_at: Timestamp;
  last_finished_at: NullableTimestamp;
  last_error: string | null;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

declare module '../db/database.js' {
  interface Tables {
    job_runs: JobRunTable;
    notifications: NotificationTable;
  }
}
