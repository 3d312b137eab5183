import { randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEntities, entityByPlural } from '../platform/records/entity-registry.js';
import { type Client, call, startTestApp, type TestApp } from '../test/test-app.js';
import { makeAdmin, makeClient, makeRep, uniq } from '../test/factories.js';
import { sampleRequest } from '../test/route-samples.js';
import { makeRecordOfEveryType } from '../test/scope-records.js';

/**
 * P6 route matrix, walked over the server's own route table (app.routeTable, filled by an onRoute
 * hook), so a route added by any domain later is checked without anyone listing it here:
 *   no caller → 401 · cookie write without X-CSRF-Token → 403 · a role with no function
 *   permissions → 403 · an unknown id → 404 · a real record outside the caller's scope answers
 *   exactly like an unknown id (404), so an answer never tells that a record exists · never 500.
 */

/** Sign-in itself: reachable without a session on purpose. Any other public API route fails the matrix. */
const PUBLIC = new Set(['POST /auth/login', 'POST /auth/logout']);

/**
 * Routes a signed-in user may call whatever their role (no 403 expected), each with the reason.
 * Patterns match "METHOD /path" below /api/v1.
 */
const ANY_SIGNED_IN: [pattern: RegExp, reason: string][] = [
  [/^\w+ \/auth\//, 'the caller’s own account: who am I, language, password, two-step sign-in, sign out everywhere'],
  [/^\w+ \/api-tokens/, 'the caller’s own API tokens'],
  [/^\w+ \/notifications/, 'the caller’s own notifications'],
  [/^\w+ \/approvals/, 'the approval inbox: anyone may be named an approver; each request checks the caller’s part in it'],
  [/^\w+ \/approval-delegations/, 'the caller’s own delegations while away'],
  [
    /^GET \/(departments|users\/options|picklists|pipelines(\/:id)?|opportunity-settings|pool\/rules|pool\/customer-rules|grading-rules)$/,
    'reference data and settings every form and page shows (department and person pickers, value lists, stages, pool limits); no business records',
  ],
  [/^GET \/(calendar|search|recycle-bin)$/, 'lists whose every source applies the caller’s own permissions and scope: empty without them'],
  [/^\w+ \/imports/, 'the caller’s own imports; targets are offered per permission, others refused as invalid'],
  [/^\w+ \/files/, 'files follow the record they hang on: its permission and scope decide, so an invisible record answers 404'],
  [/^GET \/(quotes|contracts)\/:id(\/pdf)?$/, 'an approver reads the document routed to him without the module permission; others get 404'],
  [
    /^(GET \/daily-reports\/(day|settings)|PUT \/daily-reports\/day\/notes)$/,
    'the caller’s own 销售日报 (his own day, comment and plan) and the send time it shows; another person’s day follows his scope',
  ],
  [/^GET \/dashboard$/, 'the 工作台 shows only the cards whose own permission the caller holds: none, no cards'],
];

/** Bodies whose rules are refinements the sampler cannot read from the schema (keyed by method and route). */
const SAMPLE_OVERRIDES: Record<string, { body: unknown }> = {
  'PUT /number-series/:key': { body: { pattern: 'Q{SEQ:4}', reset: 'never' } },
};

/** Routes that end the caller's own session(s); their own tests (platform/auth, security/sign-in-limits) cover them. */
const ENDS_OWN_SESSION = new Set(['POST /auth/logout', 'POST /auth/logout-all']);

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isIdParam = (name: string) => /id$/i.test(name);

interface Case {
  method: string;
  /** The route's URL below /api/v1, with `:plural` / `:entity` already expanded. */
  path: string;
  route: RouteOptions;
  /** The registered record type the route's `:id` addresses, if any. */
  entity?: string;
}

let t: TestApp;
let admin: Client;
let bare: Client;
let outsider: Client;
/** A real record of each registered type, owned by a rep of a department the outsider does not see. */
const foreign = new Map<string, string>();
let cases: Case[] = [];

/** The record type a path addresses: the registered plural right before its first id parameter (`/pool/customers/:id/claim` → customer). */
function entityOf(path: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  const at = segments.findIndex((s) => s.startsWith(':') && isIdParam(s.slice(1)));
  if (at < 1) return undefined;
  return entityByPlural(segments[at - 1])?.entity;
}

function expand(route: RouteOptions): Case[] {
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
  const path = route.url.slice('/api/v1'.length);
  const entities = allEntities();
  let paths = [path];
  if (path.includes(':plural')) paths = entities.map((e) => path.replace(':plural', e.plural));
  if (path.includes(':entity')) paths = entities.map((e) => path.replace(':entity', e.entity));
  return methods.flatMap((method) =>
    paths.map((p) => ({ method, path: p, route, entity: route.url.includes(':entity') ? p.split('/')[2] : entityOf(p) })),
  );
}

function send(client: Client | null, c: Case, opts: { id?: string; csrf?: boolean } = {}) {
  const req = sampleRequest(c.route, c.path, opts.id ?? randomUUID(), SAMPLE_OVERRIDES[`${c.method} ${c.route.url.slice(7)}`]);
  const headers: Record<string, string> = { 'x-locale': 'en' };
  if (client) {
    headers.cookie = client.cookie;
    if (opts.csrf !== false) headers['x-csrf-token'] = client.csrfToken;
  }
  return call(t.app, c.method as 'GET', `/api/v1${req.url}`, { body: req.body, headers }).then((res) => ({ ...res, req }));
}

const label = (c: Case, res: { status: number; body: unknown }) =>
  `${c.method} ${c.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  const role = await admin.post('/api/v1/roles', { key: uniq('none_'), name: '无权限', dataScope: 'all', permissions: [] });
  bare = await makeClient(t.app, t.db, { role: role.body.key });
  outsider = await makeRep(t.app, t.db);
  const { records } = await makeRecordOfEveryType(t.app, t.db, admin.userId);
  for (const [entity, id] of Object.entries(records)) foreign.set(entity, id);
  cases = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/')).flatMap(expand);
}, 120_000);
afterAll(() => t.close());

describe('the route matrix (P6), over every /api/v1 route the server registered', () => {
  it('finds the routes of every domain in the route table', () => {
    const prefixes = new Set(cases.map((c) => c.path.split('/')[1]));
    for (const e of allEntities()) expect(prefixes, e.plural).toContain(e.plural);
  });

  it('answers 401 to a caller without a session or token, except the sign-in routes', async () => {
    for (const c of cases) {
      const res = await send(null, c);
      if (PUBLIC.has(`${c.method} ${c.path}`)) {
        expect(res.status, label(c, res)).toBeLessThan(500);
        continue;
      }
      expect(c.route.config && (c.route.config as { public?: boolean }).public, `${c.method} ${c.path} is public`).toBeFalsy();
      expect(res.status, label(c, res)).toBe(401);
      expect(res.body.error.code, label(c, res)).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every cookie write without the CSRF token with 403 CSRF', async () => {
    for (const c of cases.filter((x) => WRITE.has(x.method) && !PUBLIC.has(`${x.method} ${x.path}`))) {
      const res = await send(outsider, c, { csrf: false });
      expect(res.status, label(c, res)).toBe(403);
      expect(res.body.error.code, label(c, res)).toBe('CSRF');
    }
  });

  it('refuses a signed-in user whose role grants no function permission with 403, except the caller’s own things', async () => {
    const failures: string[] = [];
    const unsampled: string[] = [];
    for (const c of cases.filter((x) => !PUBLIC.has(`${x.method} ${x.path}`) && !ENDS_OWN_SESSION.has(`${x.method} ${x.path}`))) {
      const res = await send(bare, c);
      if (res.req.unsatisfied.length) unsampled.push(`${c.method} ${c.path}: ${res.req.unsatisfied.join(', ')}`);
      expect(res.status, label(c, res)).toBeLessThan(500);
      if (ANY_SIGNED_IN.some(([p]) => p.test(`${c.method} ${c.route.url.slice(7)}`))) continue;
      if (res.status !== 403) failures.push(label(c, res));
    }
    expect({ unsampled, failures }, 'unsampled: add a SAMPLE_OVERRIDES entry').toEqual({ unsampled: [], failures: [] });
  });

  it('answers 404 for an id that exists nowhere', async () => {
    const failures: string[] = [];
    for (const c of cases.filter((x) => /:\w*id\b/i.test(x.route.url))) {
      const res = await send(admin, c);
      expect(res.status, label(c, res)).toBeLessThan(500);
      if (res.status !== 404) failures.push(label(c, res));
    }
    expect(failures).toEqual([]);
  });

  it('answers a rep about another department’s record exactly as about an id that exists nowhere (404)', async () => {
    const failures: string[] = [];
    for (const c of cases.filter((x) => x.entity && foreign.has(x.entity))) {
      const unknown = await send(outsider, c);
      const real = await send(outsider, c, { id: foreign.get(c.entity as string) });
      expect(real.status, label(c, real)).toBeLessThan(500);
      if (real.status !== unknown.status || real.body?.error?.code !== unknown.body?.error?.code || ![403, 404].includes(real.status)) {
        failures.push(`${label(c, real)} — unknown id: ${unknown.status} ${unknown.body?.error?.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('has a real out-of-scope record of every registered record type to try', () => {
    const missing = allEntities()
      .filter((e) => !e.companyWide && !foreign.has(e.entity))
      .map((e) => e.entity);
    expect(missing, 'add these to makeRecordOfEveryType (test/scope-records.ts)').toEqual([]);
  });
});
