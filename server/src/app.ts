import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { domainPlugins } from './domains/index.js';
import type { AppContext } from './platform/app-context.js';
import { apiTokenRoutes } from './platform/auth/api-token-routes.js';
import { registerAuthHook } from './platform/auth/auth-hook.js';
import { authRoutes } from './platform/auth/auth-routes.js';
import { loginThrottle } from './platform/auth/login-throttle.js';
import { sessionStore } from './platform/auth/session-store.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import { openFileStorage } from './platform/files/file-storage.js';
import { fileRoutes } from './platform/files/files-routes.js';
import { registerErrorHandler } from './platform/http/error-handler.js';
import { registerInputGuards } from './platform/http/input-guards.js';
import { registerRouteTable } from './platform/http/route-table.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { startScheduler } from './platform/jobs/scheduler.js';
import { notificationRoutes } from './platform/notifications/notification-routes.js';
import { approvalRoutes } from './platform/approvals/approval-routes.js';
import { numberingRoutes } from './platform/numbering/numbering-routes.js';
import { recordRoutes } from './platform/records/record-routes.js';
import './platform/db/platform-tables.js';
import './platform/notifications/notification-tables.js';
import { configureNotificationMail } from './platform/notifications/notification-mail.js';
import './platform/mail/outbox.js';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  /** Run scheduled jobs in this process (`npm start`); tests trigger jobs themselves. */
  scheduler?: boolean;
}

/** The one app factory: `npm start`, the tests and the benchmarks all build the server here. */
export async function buildApp({ database, config, clock = systemClock, scheduler = false }: BuildAppOptions): Promise<FastifyInstance> {
  // HTTPS directly from a configured certificate and key (P6); otherwise HTTP behind a TLS-terminating proxy.
  const https =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
      : null;
  // An https server's Fastify type differs only in its raw server; the app treats both alike.
  const app = Fastify({
    ...(https ? { https } : {}),
    logger:
      config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID()),
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
  }) as unknown as FastifyInstance;
  registerRouteTable(app);
  // Before any plugin: hooks reach only routes and plugins registered after them.
  registerSecurityHeaders(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const db = database.db;
  configureNotificationMail({ timeZone: config.CRM_TIME_ZONE, publicUrl: config.PUBLIC_URL });
  const ctx: AppContext = {
    database,
    db,
    config,
    clock,
    sessions: sessionStore(db, config, clock),
    throttle: loginThrottle(db, config, clock),
    files: openFileStorage(config, db),
  };

  app.decorate('ctx', ctx);
  if (scheduler) {
    let stop: (() => void) | undefined;
    app.addHook('onReady', async () => {
      stop = startScheduler(ctx, app.log);
    });
    app.addHook('onClose', async () => stop?.());
  }

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'CRM API',
        version: '1',
        description: 'Sales-process CRM. Cookie session (with X-CSRF-Token on writes) or Bearer API token.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerErrorHandler(app);
  registerInputGuards(app);
  registerAuthHook(app, ctx);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.db
        .selectFrom('schema_migrations' as never)
        .select((eb) => eb.lit(1).as('one'))
        .limit(1)
        .execute();
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false });
    }
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, { ctx });
      await api.register(apiTokenRoutes, { ctx });
      await api.register(notificationRoutes, { ctx });
      await api.register(fileRoutes, { ctx });
      await api.register(approvalRoutes, { ctx });
      await api.register(numberingRoutes, { ctx });
      for (const plugin of domainPlugins) await api.register(plugin, { ctx });
      // Last, so /:plural/:id/history never shadows a domain's own routes.
      await api.register(recordRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );

  const webDist = resolve(config.WEB_DIST);
  if (existsSync(resolve(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes on the client: unknown non-API paths get index.html.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: 'Not found' } });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
