import { idParams, okResponse } from '@contracts/common.js';
import { createUserBody, resetPasswordBody, updateUserBody, userListQuery, userOption, userSchema } from '@contracts/organisation.js';
import { listResponse } from '@contracts/common.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { type FieldChange, writeHistory } from '../../platform/records/history.js';
import { likePattern } from '../../platform/records/list-query.js';
import { assertDepartmentExists } from './department-service.js';
import { assertAdminRemains, assertNotDeactivatingSelf, createUser, getUser, listUsers, setUserRoles } from './user-service.js';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get('/users', { schema: { tags, querystring: userListQuery, response: { 200: listResponse(userSchema) } } }, async (request) => {
    assertCan(actorOf(request), 'users', 'view');
    return listUsers(db, request.query);
  });

  // Names for owner pickers and filters: every signed-in user needs them, so no 'users:view' here.
  app.get(
    '/users/options',
    {
      schema: {
        tags,
        querystring: z.object({ q: z.string().max(50).optional() }),
        response: { 200: z.object({ items: z.array(userOption) }) },
      },
    },
    async (request) => {
      actorOf(request);
      let q = db
        .selectFrom('users as u')
        .leftJoin('departments as d', 'd.id', 'u.department_id')
        .select(['u.id', 'u.display_name', 'd.name as department_name'])
        .where('u.active', '=', true)
        .orderBy('u.display_name')
        .limit(500);
      if (request.query.q) q = q.where('u.display_name', 'ilike', likePattern(request.query.q));
      const rows = await q.execute();
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, departmentName: r.department_name })) };
    },
  );

  app.get('/users/:id', { schema: { tags, params: idParams, response: { 200: userSchema } } }, async (request) => {
    assertCan(actorOf(request), 'users', 'view');
    return getUser(db, request.params.id);
  });

  app.post('/users', { schema: { tags, body: createUserBody, response: { 201: userSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'users', 'create');
    const id = await db.transaction().execute(async (trx) => {
      const userId = await createUser(trx, request.body);
      await writeHistory(trx, actor, { entity: 'user', recordId: userId, action: 'create' });
      return userId;
    });
    return reply.status(201).send(await getUser(db, id));
  });

  app.patch('/users/:id', { schema: { tags, params: idParams, body: updateUserBody, response: { 200: userSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'users', 'edit');
    const { version, roles, ...b } = request.body;
    await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('users').selectAll().where('id', '=', request.params.id).forUpdate().executeTakeFirst();
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== version) throw new AppError('VERSION_CONFLICT', { current: await getUser(trx, current.id) });
      if (b.active === false) assertNotDeactivatingSelf(actor.userId, current.id, request.locale);
      await assertDepartmentExists(trx, b.departmentId, 'departmentId');
      const set = {
        ...(b.displayName !== undefined ? { display_name: b.displayName } : {}),
        ...(b.email !== undefined ? { email: b.email ?? null } : {}),
        ...(b.mobile !== undefined ? { mobile: b.mobile } : {}),
        ...(b.departmentId !== undefined ? { department_id: b.departmentId ?? null } : {}),
        ...(b.locale !== undefined ? { locale: b.locale } : {}),
        ...(b.active !== undefined ? { active: b.active } : {}),
      };
      const changes: FieldChange[] = Object.entries(set)
        .filter(([k, v]) => (current as Record<string, unknown>)[k] !== v)
        .map(([field, v]) => ({ field, old: (current as Record<string, unknown>)[field], new: v }));
      await trx
        .updateTable('users')
        .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', current.id)
        .execute();
      if (roles) {
        const before = await getUser(trx, current.id);
        await setUserRoles(trx, current.id, roles);
        changes.push({ field: 'roles', old: before.roles, new: roles });
      }
      if (changes.length) await writeHistory(trx, actor, { entity: 'user', recordId: current.id, action: 'update', changes });
      if (roles || b.active === false) await assertAdminRemains(trx);
      // A deactivated user is signed out everywhere at once.
      if (b.active === false) await trx.deleteFrom('sessions').where('user_id', '=', current.id).execute();
    });
    return getUser(db, request.params.id);
  });

  app.post(
    '/users/:id/reset-password',
    { schema: { tags, params: idParams, body: resetPasswordBody, response: { 200: okResponse } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'users', 'edit');
      await getUser(db, request.params.id);
      const passwordHash = await hashPassword(request.body.password);
      // New password, signed out everywhere, and the history entry: all or nothing.
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: sql`now()` })
          .where('id', '=', request.params.id)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', request.params.id).execute();
        await writeHistory(trx, actor, {
          entity: 'user',
          recordId: request.params.id,
          action: 'update',
          changes: [{ field: 'password', old: null, new: '••••••' }],
        });
      });
      return { ok: true as const };
    },
  );
};
