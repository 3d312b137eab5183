import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The real app (same factory as `npm start`) on a private cloned database and file directory, with a settable clock. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new FixedClock(new Date());
  const filesDir = mkdtempSync(join(tmpdir(), 'crm-files-'));
  const app = await buildApp({ database, config: testConfig({ WEB_DIST: '/nonexistent', FILES_DIR: filesDir, ...overrides }), clock });
  await app.ready();
  return {
    app,
    db: database.db,
    clock,
    async close() {
      await app.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  userId: string;
  /** The Cookie header this client replays, and the CSRF token it echoes (for tests that tamper with them). */
  cookie: string;
  csrfToken: string;
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
  /** Cookies the answer set (only filled by `call`). */
  cookies?: { name: string; value: string; httpOnly?: boolean; maxAge?: number; expires?: Date }[];
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
    cookie,
    csrfToken: cookies.crm_csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export interface CallOptions {
  body?: unknown;
  /** A raw request body (e.g. malformed JSON); sent as-is with the given content type. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The caller's address, for per-IP rules. */
  ip?: string;
}

/** One request with nothing implied: no cookie, no CSRF header, unless the test passes them. */
export async function call(app: FastifyInstance, method: InjectOptions['method'], url: string, opts: CallOptions = {}): Promise<Response> {
  const headers = { ...(opts.rawBody !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  const r = await app.inject({
    method,
    url,
    headers,
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
    ...(opts.rawBody !== undefined ? { payload: opts.rawBody } : opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
  let parsed: unknown = r.body;
  try {
    parsed = r.json();
  } catch {
    /* non-JSON answers are kept as text */
  }
  return { status: r.statusCode, body: parsed, headers: r.headers, cookies: r.cookies } as Response;
}

/** An integration calling with a Bearer API token: no cookie, no CSRF header. */
export function tokenClient(app: FastifyInstance, token: string) {
  const authorization = `Bearer ${token}`;
  const req = (method: InjectOptions['method'], url: string, body?: unknown) =>
    call(app, method, url, { body, headers: { authorization } });
  return {
    get: (url: string) => req('GET', url),
    post: (url: string, body: unknown = {}) => req('POST', url, body),
    patch: (url: string, body: unknown = {}) => req('PATCH', url, body),
    delete: (url: string) => req('DELETE', url),
  };
}
