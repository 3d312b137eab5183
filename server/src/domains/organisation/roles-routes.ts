import { idParams, okResponse } from '@contracts/common.js';
import { createRoleBody, roleSchema, updateRoleBody } from '@contracts/organisation.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { listRoles } from './role-service.js';

const tags = ['roles'];

export const rolesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  const one = async (id: string) => {
    const role = (await listRoles(db)).find((r) => r.id === id);
    if (!role) throw new AppError('NOT_FOUND');
    return role;
  };

  app.get('/roles', { schema: { tags, response: { 200: z.object({ items: z.array(roleSchema) }) } } }, async (request) => {
    assertCan(actorOf(request), 'roles', 'view');
    return { items: await listRoles(db) };
  });

  app.post('/roles', { schema: { tags, body: createRoleBody, response: { 201: roleSchema } } }, async (request, reply) => {
    assertCan(actorOf(request), 'roles', 'create');
    const b = request.body;
    const row = await db
      .insertInto('roles')
      .values({
        key: b.key,
        name: b.name,
        data_scope: b.dataScope,
        permissions: JSON.stringify(b.permissions),
        require_totp: b.requireTotp ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return reply.status(201).send(await one(row.id));
  });

  app.patch('/roles/:id', { schema: { tags, params: idParams, body: updateRoleBody, response: { 200: roleSchema } } }, async (request) => {
    assertCan(actorOf(request), 'roles', 'edit');
    const { version, ...b } = request.body;
    const current = await one(request.params.id);
    // The admin role's permissions are fixed, but requiring a second factor of admins is the first thing to turn on.
    const onlyTotp = Object.keys(b).every((k) => k === 'requireTotp');
    if (current.key === 'admin' && !onlyTotp)
      throw new AppError('BUSINESS_RULE', {
        params: { detail: request.locale === 'en' ? 'The admin role cannot be changed' : '管理员角色不能修改' },
      });
    if (current.version !== version) throw new AppError('VERSION_CONFLICT', { current });
    await db
      .updateTable('roles')
      .set({
        ...(b.name !== undefined ? { name: b.name } : {}),
        ...(b.dataScope !== undefined ? { data_scope: b.dataScope } : {}),
        ...(b.permissions !== undefined ? { permissions: JSON.stringify(b.permissions) } : {}),
        ...(b.requireTotp !== undefined ? { require_totp: b.requireTotp } : {}),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', request.params.id)
      .execute();
    return one(request.params.id);
  });

  app.delete('/roles/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    assertCan(actorOf(request), 'roles', 'delete');
    const role = await one(request.params.id);
    // Inactive users count too: a re-activated user must find his role still there.
    const holder = await db.selectFrom('user_roles').select('user_id').where('role_id', '=', role.id).executeTakeFirst();
    if (role.builtIn || holder) throw new AppError('IN_USE');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('user_roles').where('role_id', '=', role.id).execute();
      await trx.deleteFrom('roles').where('id', '=', role.id).execute();
    });
    return { ok: true as const };
  });
};
