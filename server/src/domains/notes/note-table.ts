import type { ColumnType } from 'kysely';
import type { RecordBaseColumns } from '../../platform/db/platform-tables.js';

export interface NoteTable extends RecordBaseColumns {
  title: string;
  body: ColumnType<string, string | undefined, string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
}

export interface NoteLinkTable {
  note_id: string;
  entity: 'customer' | 'contact' | 'lead';
  record_id: string;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    notes: NoteTable;
    note_links: NoteLinkTable;
  }
}
