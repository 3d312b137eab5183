import type { Config } from '../../config.js';
import { type Actor, loadSessionActor } from '../access/actor.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { randomToken, sha256 } from './tokens.js';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  /** The user owes the second factor his role requires: only his own account is open to him. */
  totpPending?: boolean;
}

// Sessions live in the database so any server behind the load balancer can serve any request.
export function sessionStore(db: Db, config: Config, clock: Clock) {
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;

  /** An idle or past-absolute session is deleted on sight; a live one is touched at most once a minute. */
  async function live(
    id: string,
    row: { user_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date },
  ): Promise<SessionRow | 'expired'> {
    const now = clock.now().getTime();
    if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() + idleMs <= now) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
      return 'expired';
    }
    // Touch at most once a minute: a write per request would cost more than the request.
    if (now - row.last_seen_at.getTime() > 60_000) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now) })
        .where('id', '=', id)
        .execute();
    }
    return { id, userId: row.user_id, csrfToken: row.csrf_token };
  }

  return {
    async create(userId: string, meta: { ip?: string; userAgent?: string }) {
      const token = randomToken();
      const csrfToken = randomToken(18);
      const now = clock.now();
      await db
        .insertInto('sessions')
        .values({
          id: sha256(token),
          user_id: userId,
          csrf_token: csrfToken,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + absoluteMs),
          ip: meta.ip?.slice(0, 100) ?? null,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return { token, csrfToken };
    },

    /** Returns the live session or null; an idle or past-absolute session is deleted on sight. */
    async find(token: string): Promise<SessionRow | 'expired' | null> {
      const id = sha256(token);
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? live(id, row) : null;
    },

    /** find() and the session user's actor (null if inactive) in one query: the per-request lookup. */
    async findWithActor(token: string): Promise<{ session: SessionRow; actor: Omit<Actor, 'via'> | null } | 'expired' | null> {
      const id = sha256(token);
      const found = await loadSessionActor(db, id);
      if (!found) return null;
      const session = await live(id, found.session);
      return session === 'expired' ? session : { session: { ...session, totpPending: found.session.totp_pending }, actor: found.actor };
    },

    async destroy(id: string) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async destroyAllForUser(userId: string, exceptId?: string) {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    },

    async purgeExpired() {
      const now = clock.now();
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]))
        .execute();
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
