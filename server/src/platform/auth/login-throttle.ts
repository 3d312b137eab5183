import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

/** P6: failed sign-ins are counted per account and per IP; past the limit the key is locked for a while. */
export function loginThrottle(db: Db, config: Config, clock: Clock) {
  const windowMs = config.LOGIN_LOCK_MINUTES * 60_000;
  const keys = (username: string, ip: string) => [
    { key: `user:${username.toLowerCase()}`, max: config.LOGIN_MAX_FAILURES },
    { key: `ip:${ip}`, max: config.LOGIN_MAX_FAILURES_PER_IP },
  ];

  return {
    async assertNotLocked(username: string, ip: string) {
      const now = clock.now();
      const rows = await db
        .selectFrom('login_failures')
        .select(['locked_until'])
        .where(
          'key',
          'in',
          keys(username, ip).map((k) => k.key),
        )
        .where('locked_until', '>', now)
        .execute();
      if (rows.length > 0) {
        const until = Math.max(...rows.map((r) => (r.locked_until as Date).getTime()));
        const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
        throw new AppError('ACCOUNT_LOCKED', { params: { minutes }, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) });
      }
    },

    async recordFailure(username: string, ip: string) {
      const now = clock.now();
      const windowStart = new Date(now.getTime() - windowMs);
      for (const { key, max } of keys(username, ip)) {
        // Failures older than the window start a fresh count.
        await sql`
          INSERT INTO login_failures (key, failures, first_failed_at, locked_until)
          VALUES (${key}, 1, ${now}, ${max <= 1 ? new Date(now.getTime() + windowMs) : null})
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN login_failures.first_failed_at < ${windowStart} THEN 1 ELSE login_failures.failures + 1 END,
            first_failed_at = CASE WHEN login_failures.first_failed_at < ${windowStart} THEN ${now} ELSE login_failures.first_failed_at END,
            locked_until = CASE
              WHEN login_failures.first_failed_at >= ${windowStart} AND login_failures.failures + 1 >= ${max}
              THEN ${new Date(now.getTime() + windowMs)}::timestamptz ELSE NULL END`.execute(db);
      }
    },

    async reset(username: string) {
      await db.deleteFrom('login_failures').where('key', '=', `user:${username.toLowerCase()}`).execute();
    },
  };
}
export type LoginThrottle = ReturnType<typeof loginThrottle>;
