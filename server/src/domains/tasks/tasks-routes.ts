import { idParams, listResponse, okResponse } from '@contracts/common.js';
import { createTaskBody, taskListQuery, taskSchema, updateTaskBody } from '@contracts/tasks.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf } from '../../platform/http/request-context.js';
import './task-daily-section.js';
import './task-reminders.js';
import './task-sources.js';
import './task-dashboard.js';
import { createTask, deleteTask, getTask, listTasks, updateTask } from './task-service.js';

const tags = ['tasks'];

export const tasksRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock } = ctx;

  app.get('/tasks', { schema: { tags, querystring: taskListQuery, response: { 200: listResponse(taskSchema) } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'tasks', 'view');
    return listTasks(db, actor, clock, request.query);
  });

  app.get('/tasks/:id', { schema: { tags, params: idParams, response: { 200: taskSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'tasks', 'view');
    return getTask(db, actor, clock, request.params.id);
  });

  app.post('/tasks', { schema: { tags, body: createTaskBody, response: { 201: taskSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'tasks', 'create');
    const id = await db.transaction().execute((trx) => createTask(trx, actor, clock, request.body));
    return reply.status(201).send(await getTask(db, actor, clock, id));
  });

  app.patch('/tasks/:id', { schema: { tags, params: idParams, body: updateTaskBody, response: { 200: taskSchema } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'tasks', 'edit');
    return db.transaction().execute((trx) => updateTask(trx, actor, clock, request.params.id, request.body));
  });

  app.delete('/tasks/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    const actor = actorOf(request);
    assertCan(actor, 'tasks', 'delete');
    await db.transaction().execute((trx) => deleteTask(trx, actor, request.params.id));
    return { ok: true as const };
  });
};
