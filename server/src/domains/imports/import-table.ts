import type { ImportEntity, ImportStatus } from '@contracts/imports.js';
import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/platform-tables.js';

type Json<T> = ColumnType<T, string | undefined, string>;
type Counter = Generated<number>;

export interface ImportJobTable {
  id: Generated<string>;
  entity: ImportEntity;
  file_name: string;
  format: 'csv' | 'xlsx';
  size_bytes: ColumnType<number, number | undefined, number>;
  status: Generated<ImportStatus>;
  mode: Generated<'strict' | 'lenient'>;
  duplicates: Generated<'skip' | 'allow'>;
  dry_run: Generated<boolean>;
  locale: Generated<string>;
  headers: Json<string[]>;
  sample: Json<string[][]>;
  mapping: ColumnType<(string | null)[] | null, string | null | undefined, string | null>;
  bytes_read: ColumnType<number, number | undefined, number>;
  rows_read: Counter;
  ok_rows: Counter;
  error_rows: Counter;
  duplicate_rows: Counter;
  failure: string | null;
  created_by: string;
  created_at: Timestamp;
  heartbeat_at: Timestamp;
  runs: Counter;
  finished_at: NullableTimestamp;
  /** The uploaded file in platform/files; null once a finished run has let it go. */
  file_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ImportErrorTable {
  job_id: string;
  row_no: number;
  message: string;
  is_duplicate: Generated<boolean>;
  raw: Json<string[]>;
}

declare module '../../platform/db/database.js' {
  interface Tables {
    import_jobs: ImportJobTable;
    import_errors: ImportErrorTable;
  }
}
