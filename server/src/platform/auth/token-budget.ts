import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

const WINDOW_MS = 60_000;

/**
 * P6: each API token may make `perMinute` requests per clock minute. The count is one upsert in the
 * database, so two servers behind a load balancer spend one budget; past it the caller gets 429 with
 * Retry-After until the next minute. A new minute's first request drops the token's older windows.
 */
export async function spendTokenRequest(db: Db, clock: Clock, tokenId: string, perMinute: number): Promise<void> {
  const now = clock.now().getTime();
  const windowStart = new Date(Math.floor(now / WINDOW_MS) * WINDOW_MS);
  const { rows } = await sql<{ requests: number }>`
    INSERT INTO api_token_usage AS u (token_id, window_start, requests) VALUES (${tokenId}, ${windowStart}, 1)
    ON CONFLICT (token_id, window_start) DO UPDATE SET requests = u.requests + 1
    RETURNING u.requests`.execute(db);
  const used = rows[0]?.requests ?? 1;
  if (used === 1) await sql`DELETE FROM api_token_usage WHERE token_id = ${tokenId} AND window_start < ${windowStart}`.execute(db);
  if (used > perMinute) {
    const seconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
    throw new AppError('TOKEN_RATE_LIMITED', { params: { seconds }, retryAfterSeconds: seconds });
  }
}
