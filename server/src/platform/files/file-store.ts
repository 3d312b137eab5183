import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

/** What an upload arrives as: a request body, a file read from disk, or bytes already in memory. */
export type FileBody = Readable | AsyncIterable<Uint8Array | string> | Uint8Array;

/** What a store answers for a written file; the key is all it needs to find the bytes again. */
export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/**
 * `db` is the caller's handle (often its transaction): a store that keeps bytes in the database
 * must read and write through it, since the embedded database has one connection and a second
 * handle would wait for the transaction to end.
 */
interface StoreOptions {
  db?: Db;
}

/**
 * Where the bytes of uploaded files live. Files are written once and never changed, so a store
 * only puts, gets and deletes. An S3-compatible store plugs in by implementing this (put = a
 * streamed multipart upload under a random key, get = GetObject's body, delete = DeleteObject)
 * and adding its name to FILE_STORE; nothing else changes.
 */
export interface FileStore {
  /** Saved on each file's row, so a file stays readable after FILE_STORE changes. */
  readonly kind: string;
  /** Streams the body in, counting and hashing as it goes; over `maxBytes` it stops, keeps nothing and throws FILE_TOO_LARGE. */
  put(body: FileBody, opts: StoreOptions & { maxBytes: number }): Promise<StoredObject>;
  /** The bytes again, as a stream; NOT_FOUND when the store no longer has them. */
  get(key: string, opts?: StoreOptions): Promise<Readable>;
  /** Removes the bytes; a key already gone is not an error. */
  delete(key: string, opts?: StoreOptions): Promise<void>;
}

/** 20971520 → '20 MB', for the messages that name a limit. */
function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

export function fileTooLarge(maxBytes: number): AppError {
  const max = formatBytes(maxBytes);
  return new AppError('FILE_TOO_LARGE', { params: { max }, fields: { file: { key: 'file_too_large', params: { max } } } });
}

/**
 * Passes the body through as Buffers, counting and hashing every byte on the way, so the size
 * limit and the checksum need no second read. Throws FILE_TOO_LARGE as soon as the limit is passed.
 */
export class Measured {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {}

  async *pass(body: FileBody): AsyncGenerator<Buffer> {
    // Stopping early must not destroy a request body: the 413 still has to go out on its socket.
    const pieces: AsyncIterable<Uint8Array | string> | Uint8Array[] =
      body instanceof Uint8Array ? [body] : body instanceof Readable ? body.iterator({ destroyOnReturn: false }) : body;
    for await (const piece of pieces) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      this.size += buf.length;
      if (this.size > this.maxBytes) throw fileTooLarge(this.maxBytes);
      this.hash.update(buf);
      yield buf;
    }
  }

  result(key: string): StoredObject {
    return { key, size: this.size, sha256: this.hash.digest('hex') };
  }
}
