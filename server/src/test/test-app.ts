import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, testConfig } from '../config.js';
import { FixedClock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { openTestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: FixedClock;
  close(): Promise<void>;
}

/** The real app (same factory as `npm start`) on a private cloned database, with a settable clock. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new FixedClock(new Date());
  const app = await buildApp({ database, config: testConfig({ WEB_DIST: '/nonexistent', ...overrides }), clock });
  await app.ready();
  return {
    app,
    db: database.db,
    clock,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface Client {
  userId: string;
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

export interface Response {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field
  body: any;
  headers: Record<string, unknown>;
}

/** Signs in through the real login endpoint and replays the cookie and CSRF header like the browser does. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const cookie = `crm_session=${cookies.crm_session}; crm_csrf=${cookies.crm_csrf}`;
  const userId = res.json().me.id as string;
  const request: Client['request'] = async (method, url, body, headers = {}) => {
    const r = await app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': cookies.crm_csrf, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let parsed: unknown = r.body;
    try {
      parsed = r.json();
    } catch {
      /* non-JSON answers are kept as text */
    }
    return { status: r.statusCode, body: parsed, headers: r.headers };
  };
  return {
    userId,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}
