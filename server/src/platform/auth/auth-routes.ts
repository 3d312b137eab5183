import {
  changePasswordBody,
  loginBody,
  loginResponse,
  meResponse,
  totpCodeBody,
  totpSetupResponse,
  updatePreferencesBody,
} from '@contracts/auth.js';
import { okResponse } from '@contracts/common.js';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, loadActor } from '../access/actor.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import { writeHistory } from '../records/history.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth-hook.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, sessions, throttle, clock, config } = ctx;

  const setCookies = (reply: FastifyReply, token: string, csrf: string) => {
    const common = { path: '/', sameSite: 'lax' as const, secure: config.COOKIE_SECURE };
    reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true, maxAge: config.SESSION_ABSOLUTE_HOURS * 3600 });
    // Readable by the web client, which echoes it in X-CSRF-Token (double submit).
    reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false, maxAge: config.SESSION_ABSOLUTE_HOURS * 3600 });
  };

  const me = async (actor: Omit<Actor, 'via'> & { csrfToken?: string }) => {
    const u = await db.selectFrom('users').select(['totp_enabled']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
    const required = await db
      .selectFrom('user_roles as ur')
      .innerJoin('roles as r', 'r.id', 'ur.role_id')
      .select('r.id')
      .where('ur.user_id', '=', actor.userId)
      .where('r.require_totp', '=', true)
      .executeTakeFirst();
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      departmentId: actor.departmentId,
      locale: actor.locale,
      roles: actor.roles,
      permissions: actor.permissions,
      scope: actor.scope,
      totpEnabled: u.totp_enabled,
      totpRequiredByRole: required !== undefined,
      timeZone: config.CRM_TIME_ZONE,
      csrfToken: actor.csrfToken,
    };
  };

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags, body: loginBody, response: { 200: loginResponse } } },
    async (request, reply) => {
      const { username, password, totpCode } = request.body;
      const ip = request.ip;
      await throttle.assertNotLocked(username, ip);
      const user = await db
        .selectFrom('users')
        .select(['id', 'password_hash', 'active', 'totp_enabled', 'totp_secret', 'username'])
        .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
        .executeTakeFirst();
      const ok = user ? await verifyPassword(password, user.password_hash) : await hashPassword(password).then(() => false);
      if (!user || !ok) {
        await throttle.recordFailure(username, ip);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (!user.active) throw new AppError('ACCOUNT_INACTIVE');
      if (user.totp_enabled && user.totp_secret) {
        if (!totpCode) return { totpRequired: true };
        if (!verifyTotp(user.totp_secret, totpCode, clock.now())) {
          await throttle.recordFailure(username, ip);
          throw new AppError('TOTP_INVALID');
        }
      }
      await throttle.reset(username);
      const { token, csrfToken } = await sessions.create(user.id, { ip, userAgent: request.headers['user-agent'] });
      await db.updateTable('users').set({ last_login_at: clock.now() }).where('id', '=', user.id).execute();
      setCookies(reply, token, csrfToken);
      const actor = await loadActor(db, user.id);
      if (!actor) throw new AppError('ACCOUNT_INACTIVE');
      return { totpRequired: false, me: await me({ ...actor, csrfToken }) };
    },
  );

  app.post('/auth/logout', { config: { public: true }, schema: { tags, response: { 200: okResponse } } }, async (request, reply) => {
    if (request.actor?.sessionId) await sessions.destroy(request.actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  // Sign out everywhere: every session of the user ends, this one included (a lost phone, a shared PC).
  // API tokens are separate credentials and stay until revoked on their own page.
  app.post('/auth/logout-all', { schema: { tags, response: { 200: okResponse } } }, async (request, reply) => {
    await sessions.destroyAllForUser(actorOf(request).userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags, response: { 200: meResponse } } }, async (request) => me(actorOf(request)));

  app.put('/auth/me/preferences', { schema: { tags, body: updatePreferencesBody, response: { 200: meResponse } } }, async (request) => {
    const actor = actorOf(request);
    await db.updateTable('users').set({ locale: request.body.locale }).where('id', '=', actor.userId).execute();
    return me({ ...actor, locale: request.body.locale });
  });

  app.post('/auth/password', { schema: { tags, body: changePasswordBody, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    const user = await db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(request.body.currentPassword, user.password_hash))) throw new AppError('WRONG_PASSWORD');
    const passwordHash = await hashPassword(request.body.newPassword);
    // New password, the user's other sessions ended (whoever knew the old one is locked out) and the
    // history entry the admin sees on the user: all or nothing.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, password_changed_at: clock.now() })
        .where('id', '=', actor.userId)
        .execute();
      let others = trx.deleteFrom('sessions').where('user_id', '=', actor.userId);
      if (actor.sessionId) others = others.where('id', '!=', actor.sessionId);
      await others.execute();
      await writeHistory(trx, actor, {
        entity: 'user',
        recordId: actor.userId,
        action: 'update',
        changes: [{ field: 'password', old: null, new: '••••••' }],
      });
    });
    return { ok: true as const };
  });

  app.post('/auth/totp/setup', { schema: { tags, response: { 200: totpSetupResponse } } }, async (request) => {
    const actor = actorOf(request);
    // A new secret would switch an active second factor off; that takes a code (see /totp/disable).
    const u = await db.selectFrom('users').select('totp_enabled').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (u.totp_enabled) throw new AppError('TOTP_ALREADY_ENABLED');
    const secret = generateTotpSecret();
    await db.updateTable('users').set({ totp_secret: secret, totp_enabled: false }).where('id', '=', actor.userId).execute();
    return { secret, otpauthUrl: otpauthUrl(secret, actor.username) };
  });

  app.post('/auth/totp/enable', { schema: { tags, body: totpCodeBody, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    const u = await db.selectFrom('users').select('totp_secret').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!u.totp_secret || !verifyTotp(u.totp_secret, request.body.code, clock.now())) throw new AppError('TOTP_INVALID');
    await db.updateTable('users').set({ totp_enabled: true }).where('id', '=', actor.userId).execute();
    return { ok: true as const };
  });

  app.post('/auth/totp/disable', { schema: { tags, body: totpCodeBody, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    const u = await db.selectFrom('users').select('totp_secret').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!u.totp_secret || !verifyTotp(u.totp_secret, request.body.code, clock.now())) throw new AppError('TOTP_INVALID');
    await db.updateTable('users').set({ totp_enabled: false, totp_secret: null }).where('id', '=', actor.userId).execute();
    return { ok: true as const };
  });
};
