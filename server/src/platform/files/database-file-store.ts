import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { type FileStore, Measured } from './file-store.js';

/** One row per piece: small enough to insert and read without holding a large file in memory. */
const CHUNK_BYTES = 512 * 1024;
/** Pieces fetched per query while reading back. */
const PAGE = 4;

async function page(db: Db, key: string, from: number): Promise<Uint8Array[]> {
  const rows = await db
    .selectFrom('file_chunks')
    .select('data')
    .where('storage_key', '=', key)
    .where('seq', '>=', from)
    .where('seq', '<', from + PAGE)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.data);
}

/**
 * Bytes in PostgreSQL (file_chunks), for several servers without a shared volume: any server can
 * read what another wrote. Reads and writes go through the caller's handle when it passes one.
 */
export function databaseFileStore(root: Db): FileStore {
  return {
    kind: 'database',
    async put(body, { maxBytes, db = root }) {
      const key = randomUUID();
      const measured = new Measured(maxBytes);
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      // Whole pieces of CHUNK_BYTES, however the body arrives; the last one takes the rest.
      const flush = async (all: boolean) => {
        let data = Buffer.concat(pending, pendingBytes);
        while (data.length >= CHUNK_BYTES || (all && data.length > 0)) {
          const piece = data.subarray(0, CHUNK_BYTES);
          await db.insertInto('file_chunks').values({ storage_key: key, seq: seq++, data: piece }).execute();
          data = data.subarray(piece.length);
        }
        pending = [data];
        pendingBytes = data.length;
      };
      try {
        for await (const buf of measured.pass(body)) {
          pending.push(buf);
          pendingBytes += buf.length;
          if (pendingBytes >= CHUNK_BYTES) await flush(false);
        }
        await flush(true);
      } catch (e) {
        await db.deleteFrom('file_chunks').where('storage_key', '=', key).execute();
        throw e;
      }
      return measured.result(key);
    },
    async get(key, { db = root } = {}) {
      // The first page is read now, so a missing file is a 404 before any byte is sent.
      const first = await page(db, key, 0);
      if (first.length === 0) throw new AppError('NOT_FOUND');
      async function* rest(): AsyncGenerator<Uint8Array> {
        yield* first;
        for (let from = PAGE; first.length === PAGE; from += PAGE) {
          const more = await page(db, key, from);
          yield* more;
          if (more.length < PAGE) return;
        }
      }
      return Readable.from(rest(), { objectMode: false });
    },
    async delete(key, { db = root } = {}) {
      await db.deleteFrom('file_chunks').where('storage_key', '=', key).execute();
    },
  };
}
