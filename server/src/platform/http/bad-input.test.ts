import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownId } from '../../test/factories.js';
import { type Route, startSweep, wrongType } from '../../test/write-routes.js';

/**
 * Every write endpoint fed a bad body: the answer is a 4xx with a code and a message (and the
 * offending field where there is one), never a 500, and nothing is written.
 */
let s: Awaited<ReturnType<typeof startSweep>>;
beforeAll(async () => {
  s = await startSweep();
});
afterAll(() => s.t.close());

const label = (r: Route) => `${r.method} ${r.path}`;

describe('bad request bodies on every write endpoint', () => {
  it('refuses malformed JSON with 400 INVALID_JSON', async () => {
    for (const route of s.routes) {
      for (const rawBody of ['{"name": ', '{name: 1}', "{'a':1}", '', '{"__proto__": {"isAdmin": true}}']) {
        await s.expectRefused(route, `raw ${JSON.stringify(rawBody)}`, { rawBody }, { status: 400, code: 'INVALID_JSON' });
      }
    }
  });

  it('refuses arrays, strings and numbers where an object is expected', async () => {
    for (const route of s.routes) {
      for (const body of [[], [route.body], 'text', 42, true, null]) {
        await s.expectRefused(route, `body ${JSON.stringify(body).slice(0, 20)}`, { rawBody: JSON.stringify(body) }, { status: 400 });
      }
    }
  });

  it('names every missing required field', async () => {
    for (const route of s.routes) {
      const before = await route.state();
      const res = await s.send(route, { body: {} });
      expect(res.status, label(route)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(Object.keys(res.body.error.fields), label(route)).toEqual(expect.arrayContaining(route.required));
      expect(await route.state()).toEqual(before);
    }
  });

  it('refuses a wrong type in any field, naming the field', async () => {
    for (const route of s.routes) {
      for (const [field, value] of Object.entries(route.body)) {
        await s.expectRefused(
          route,
          `${field} of the wrong type`,
          { body: { ...route.body, [field]: wrongType(value) } },
          { status: 400, field },
        );
      }
    }
  });

  it('refuses 100 kB strings in any field', async () => {
    const huge = 'x'.repeat(100_000);
    for (const route of s.routes) {
      for (const field of Object.keys(route.body)) {
        await s.expectRefused(route, `100 kB ${field}`, { body: { ...route.body, [field]: huge } }, { status: 400, field });
      }
    }
  });

  it('refuses text the database cannot store (a NUL character)', async () => {
    // Passwords and one-time codes are only ever compared, never stored or queried as text.
    const secrets = ['password', 'currentPassword', 'newPassword', 'totpCode', 'code'];
    for (const route of s.routes) {
      for (const [field, value] of Object.entries(route.body)) {
        if (typeof value !== 'string' || secrets.includes(field)) continue;
        await s.expectRefused(route, `NUL in ${field}`, { body: { ...route.body, [field]: `a\u0000b` } }, { status: 400 });
      }
    }
  });

  it('refuses fields it does not know, naming them', async () => {
    for (const route of s.routes) {
      for (const extra of [{ isAdmin: true }, { id: unknownId() }, { __proto__x: 1 }]) {
        const [field] = Object.keys(extra);
        await s.expectRefused(route, `unknown field ${field}`, { body: { ...route.body, ...extra } }, { status: 400, field });
      }
    }
  });

  it('refuses a body over 1 MB with 413', async () => {
    const route = s.routes.find((r) => r.path === '/customers' && r.method === 'POST') as Route;
    await s.expectRefused(route, '1.1 MB body', { body: { ...route.body, remarks: 'x'.repeat(1_100_000) } }, { status: 413 });
  });

  it('refuses a body that is not JSON', async () => {
    const route = s.routes.find((r) => r.path === '/customers' && r.method === 'POST') as Route;
    await s.expectRefused(route, 'text/plain', { rawBody: 'name=x', headers: { 'content-type': 'text/plain' } }, { status: 400 });
    await s.expectRefused(
      route,
      'a form',
      { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { status: 415 },
    );
  });
});
