import type { Config } from '../config.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { SessionStore } from './auth/session-store.js';
import type { Clock } from './clock.js';
import type { Database, Db } from './db/database.js';
import type { FileStorage } from './files/file-storage.js';

/** The narrow set of dependencies every route plugin receives. */
export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Where uploaded files' bytes live (FILE_STORE). */
  files: FileStorage;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The dependencies the routes received; tests and jobs reuse them. */
    ctx: AppContext;
  }
}
