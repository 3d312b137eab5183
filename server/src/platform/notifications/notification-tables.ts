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
  category: Generated<string>;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string | null;
  /** The mail_outbox dedupe key of the mail that lists it, when it goes by e-mail. */
  mail_key: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface NotificationEmailPrefTable {
  user_id: string;
  kind: string;
  email: boolean;
  updated_at: Generated<Date>;
}

declare module '../db/database.js' {
  interface Tables {
    job_runs: JobRunTable;
    notifications: NotificationTable;
    notification_email_prefs: NotificationEmailPrefTable;
  }
}
