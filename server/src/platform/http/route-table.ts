import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (method, url, config, schemas): the security route matrix walks it, so no route escapes. */
    routeTable: readonly RouteOptions[];
  }
}

/** Must run before any route is registered: onRoute sees only routes added after it. */
export function registerRouteTable(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
}
