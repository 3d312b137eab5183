import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { departmentsRoutes } from './departments-routes.js';
import { rolesRoutes } from './roles-routes.js';
import { transferRoutes } from './transfer-routes.js';
import { usersRoutes } from './users-routes.js';

/** P1, P2, C10: departments, users, roles and ownership transfer. */
export const organisationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, opts) => {
  await app.register(departmentsRoutes, opts);
  await app.register(usersRoutes, opts);
  await app.register(rolesRoutes, opts);
  await app.register(transferRoutes, opts);
};
