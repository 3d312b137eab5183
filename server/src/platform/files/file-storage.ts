import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import { databaseFileStore } from './database-file-store.js';
import type { FileStore } from './file-store.js';
import { localFileStore } from './local-file-store.js';

/**
 * The stores of one server: `current` takes new files (FILE_STORE); `of` finds the store an
 * existing file was written to, as named on its row.
 */
export interface FileStorage {
  current: FileStore;
  of(kind: string): FileStore;
  /** FILE_MAX_BYTES: the limit of a purpose that sets none. */
  maxBytes: number;
}

export const fileStorageDir = (config: Pick<Config, 'FILES_DIR' | 'DATA_DIR'>) => config.FILES_DIR ?? join(config.DATA_DIR, 'files');

export function openFileStorage(config: Config, db: Db): FileStorage {
  const stores = new Map<string, FileStore>(
    [localFileStore(fileStorageDir(config)), databaseFileStore(db)].map((s) => [s.kind, s] as const),
  );
  const current = stores.get(config.FILE_STORE) as FileStore;
  return {
    current,
    of(kind) {
      const store = stores.get(kind);
      if (!store) throw new Error(`No file store "${kind}" on this server`);
      return store;
    },
    maxBytes: config.FILE_MAX_BYTES,
  };
}

/** The database store alone, for tools that run without a server's configuration (benchmarks, scripts). */
export function databaseFileStorage(db: Db, maxBytes = 20 * 1024 * 1024): FileStorage {
  const store = databaseFileStore(db);
  return {
    current: store,
    of(kind) {
      if (kind !== store.kind) throw new Error(`No file store "${kind}" here`);
      return store;
    },
    maxBytes,
  };
}
