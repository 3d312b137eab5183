import { idParams, okResponse } from '@contracts/common.js';
import { createDepartmentBody, departmentSchema, updateDepartmentBody } from '@contracts/organisation.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { assertDepartmentExists, assertNoCycle, listDepartments } from './department-service.js';

const tags = ['departments'];

async function assertUserExists(db: AppContext['db'], id: string | null | undefined) {
  if (!id) return;
  const u = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  if (!u) throw new AppError('VALIDATION', { fields: { managerId: { key: 'reference' } } });
}

export const departmentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  const one = async (id: string) => {
    const d = (await listDepartments(db)).find((x) => x.id === id);
    if (!d) throw new AppError('NOT_FOUND');
    return d;
  };

  // Every signed-in user may read the tree: owner and department pickers need it.
  app.get('/departments', { schema: { tags, response: { 200: z.object({ items: z.array(departmentSchema) }) } } }, async (request) => {
    actorOf(request);
    return { items: await listDepartments(db) };
  });

  app.post(
    '/departments',
    { schema: { tags, body: createDepartmentBody, response: { 201: departmentSchema } } },
    async (request, reply) => {
      assertCan(actorOf(request), 'departments', 'create');
      const b = request.body;
      await assertDepartmentExists(db, b.parentId, 'parentId');
      await assertUserExists(db, b.managerId);
      const row = await db
        .insertInto('departments')
        .values({ name: b.name, parent_id: b.parentId ?? null, manager_id: b.managerId ?? null, sort_order: b.sortOrder ?? 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return reply.status(201).send(await one(row.id));
    },
  );

  app.patch(
    '/departments/:id',
    { schema: { tags, params: idParams, body: updateDepartmentBody, response: { 200: departmentSchema } } },
    async (request) => {
      assertCan(actorOf(request), 'departments', 'edit');
      const { version, ...b } = request.body;
      const current = await one(request.params.id);
      if (current.version !== version) throw new AppError('VERSION_CONFLICT', { current });
      if (b.parentId !== undefined) {
        await assertDepartmentExists(db, b.parentId, 'parentId');
        await assertNoCycle(db, request.params.id, b.parentId ?? null);
      }
      await assertUserExists(db, b.managerId);
      await db
        .updateTable('departments')
        .set({
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.parentId !== undefined ? { parent_id: b.parentId } : {}),
          ...(b.managerId !== undefined ? { manager_id: b.managerId } : {}),
          ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', request.params.id)
        .execute();
      return one(request.params.id);
    },
  );

  app.delete('/departments/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    assertCan(actorOf(request), 'departments', 'delete');
    const d = await one(request.params.id);
    const child = await db
      .selectFrom('departments')
      .select('id')
      .where('parent_id', '=', d.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const member = await db.selectFrom('users').select('id').where('department_id', '=', d.id).executeTakeFirst();
    if (child || member) throw new AppError('DEPARTMENT_NOT_EMPTY');
    await db.updateTable('departments').set({ deleted_at: sql`now()` }).where('id', '=', d.id).execute();
    return { ok: true as const };
  });
};
