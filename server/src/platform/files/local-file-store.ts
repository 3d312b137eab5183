import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../http/errors.js';
import { type FileStore, Measured } from './file-store.js';

/** Keys are made here and only ever look like this, so a key can never walk out of the directory. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files under one directory (FILES_DIR, by default DATA_DIR/files), fanned out by the first two
 * characters of a random id. A file is written under `incoming/` and renamed into place when
 * complete, so a half-written upload is never found under its key.
 */
export function localFileStore(dir: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new AppError('NOT_FOUND');
    return join(dir, key);
  };
  return {
    kind: 'local',
    async put(body, { maxBytes }) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const part = join(dir, 'incoming', `${id}.part`);
      await mkdir(dirname(part), { recursive: true });
      const measured = new Measured(maxBytes);
      try {
        await pipeline(Readable.from(measured.pass(body), { objectMode: false }), createWriteStream(part, { flags: 'wx' }));
        await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
        await rename(part, join(dir, key));
      } catch (e) {
        await rm(part, { force: true });
        throw e;
      }
      return measured.result(key);
    },
    async get(key) {
      const handle = await open(pathOf(key), 'r').catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new AppError('NOT_FOUND') : e;
      });
      return handle.createReadStream();
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
