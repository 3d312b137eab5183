import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/platform-tables.js';

export interface FileTable {
  id: Generated<string>;
  owner_entity: string;
  owner_id: string;
  purpose: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  store: string;
  storage_key: string;
  created_by: string | null;
  created_at: Timestamp;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
}

export interface FileChunkTable {
  storage_key: string;
  seq: number;
  data: Uint8Array;
}

export type FileRow = Selectable<FileTable>;

declare module '../db/database.js' {
  interface Tables {
    files: FileTable;
    file_chunks: FileChunkTable;
  }
}
