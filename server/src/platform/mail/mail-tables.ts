import type { Generated } from 'kysely';
import type { NullableTimestamp } from '../db/platform-tables.js';

export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  to_address: string;
  to_user_id: string | null;
  subject: string;
  html: string;
  text: string;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  send_after: NullableTimestamp;
  sent_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

declare module '../db/database.js' {
  interface Tables {
    mail_outbox: MailOutboxTable;
  }
}
