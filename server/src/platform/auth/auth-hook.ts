import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { loadActor } from '../access/actor.js';
import { AppError } from '../http/errors.js';
import { pickLocale } from '../i18n/messages.js';
import type { Config } from '../../config.js';
import type { SessionStore } from './session-store.js';
import { spendTokenRequest } from './token-budget.js';
import { sha256 } from './tokens.js';

export const SESSION_COOKIE = 'crm_session';
export const CSRF_COOKIE = 'crm_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function actorFromToken(db: Db, clock: Clock, config: Config, token: string) {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', clock.now())]))
    .executeTakeFirst();
  if (!row) return null;
  await spendTokenRequest(db, clock, row.id, config.API_TOKEN_REQUESTS_PER_MINUTE);
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await sql`UPDATE api_tokens SET last_used_at = ${now} WHERE id = ${row.id}`.execute(db);
  }
  const actor = await loadActor(db, row.user_id);
  return actor ? { ...actor, via: 'token' as const } : null;
}

/**
 * Resolves who is calling (session cookie or Bearer token), checks CSRF on cookie-authenticated
 * writes, and refuses non-public API routes to anonymous callers. Runs before validation.
 */
export function registerAuthHook(app: FastifyInstance, deps: { db: Db; clock: Clock; config: Config; sessions: SessionStore }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const explicit = request.headers['x-locale'];
    request.locale = pickLocale(typeof explicit === 'string' ? explicit : request.headers['accept-language']);
    // Only the JSON API needs a caller; the docs page and static files are public.
    if (!request.url.startsWith('/api/v1/')) return;

    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.actor = await actorFromToken(deps.db, deps.clock, deps.config, auth.slice(7).trim());
      if (!request.actor) throw new AppError('UNAUTHENTICATED');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        // Session and actor in one query: this runs on every API request.
        const found = await deps.sessions.findWithActor(cookie);
        if (found === 'expired') request.sessionExpired = true;
        else if (found) {
          const { session, actor } = found;
          if (actor) {
            request.actor = { ...actor, via: 'session', sessionId: session.id, csrfToken: session.csrfToken };
          }
          if (request.actor && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
            throw new AppError('CSRF');
          }
          // A role requires TOTP and the user has not turned it on: only his own account (/auth/*) is open.
          if (request.actor && session.totpPending && !request.url.startsWith('/api/v1/auth/')) throw new AppError('TOTP_SETUP_REQUIRED');
        }
      }
    }
    if (request.actor && !explicit) request.locale = request.actor.locale;
    if (request.actor) request.actor.requestId = request.id;

    if (!request.routeOptions.config?.public && request.routeOptions.url && !request.actor) {
      throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
  });
}
