import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFilePurposes } from '../platform/files/file-purposes.js';
import { makeCustomer, makeRep } from '../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../test/test-app.js';

/**
 * P6 input: SQL-injection and script payloads typed into the main text fields are stored and given
 * back as the very same plain text — no query broken or widened, nothing stripped, nothing run.
 * (That the browser shows them as text is e2e/security.e2e.ts.)
 */
const PAYLOADS = [
  "'; DROP TABLE customers; --",
  "' OR '1'='1",
  "x%' OR 1=1 --",
  '1; SELECT pg_sleep(5)',
  '$$ LANGUAGE sql $$',
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, typed as plain text
  '${process.exit()}',
  '\\x27 \\u003c 反斜杠',
];

let t: TestApp;
let rep: Client;
beforeAll(async () => {
  t = await startTestApp();
  rep = await makeRep(t.app, t.db);
});
afterAll(() => t.close());

/** Creates through the API, reads it back, and checks every named field came back unchanged. */
async function roundTrip(path: string, body: Record<string, unknown>, fields: string[]) {
  const created = await rep.post(`/api/v1/${path}`, body);
  expect(created.status, `${path} ${JSON.stringify(created.body)}`).toBe(201);
  const read = await rep.get(`/api/v1/${path}/${created.body.id}`);
  expect(read.status).toBe(200);
  for (const f of fields) expect(read.body[f], `${path}.${f}`).toBe(body[f]);
  return created.body.id as string;
}

describe('injection and script payloads in text fields', () => {
  it('round-trips them as plain text through customers, contacts, follow-ups, opportunities and notes', async () => {
    for (const [i, p] of PAYLOADS.entries()) {
      const customerId = await roundTrip(
        'customers',
        { name: `${p} 客户${i}`, shortName: p, address: p, remarks: p, region: p.slice(0, 40) },
        ['name', 'shortName', 'address', 'remarks'],
      );
      await roundTrip('contacts', { customerId, name: p, title: p, department: p, notes: p }, ['name', 'title', 'department', 'notes']);
      await roundTrip('follow-ups', { customerId, type: 'call', content: p, outcome: p }, ['content', 'outcome']);
      await roundTrip('opportunities', { customerId, name: p, amount: '1000', nextStep: p, competitors: p, description: p }, [
        'name',
        'nextStep',
        'competitors',
        'description',
      ]);
      // A note's body is Markdown whose HTML the server removes by design (notes/note-service.ts): the
      // tags go, the SQL-looking text stays as typed.
      const noteId = await roundTrip('notes', { title: p, body: p }, ['title']);
      const body = (await rep.get(`/api/v1/notes/${noteId}`)).body.body as string;
      expect(body).not.toMatch(/<\s*(script|img|svg)/i);
      if (!/[<>&"]/.test(p)) expect(body).toBe(p);
    }
    // The tables are all still there and hold what was written.
    const list = await rep.get('/api/v1/customers?pageSize=100');
    expect(list.body.total).toBe(PAYLOADS.length);
  });

  it('searches for them literally: a quote or a % matches itself, not every row', async () => {
    const other = await makeRep(t.app, t.db);
    await makeCustomer(other, { name: '普通客户甲' });
    await makeCustomer(other, { name: "O'Brien 贸易" });
    await makeCustomer(other, { name: '百分之百%公司' });
    const search = async (q: string) =>
      (await other.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).body.items.map((c: { name: string }) => c.name);
    expect(await search("' OR '1'='1")).toEqual([]);
    expect(await search("O'Brien")).toEqual(["O'Brien 贸易"]);
    expect(await search('%')).toEqual(['百分之百%公司']);
    expect(await search('_')).toEqual([]);
  });
});

describe('uploads (platform/files; size, type and empty-file refusals are specified in files.test.ts)', () => {
  const RUNNABLE_TYPES = ['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/javascript', 'application/javascript', 'text/xml'];
  const RUNNABLE_EXTENSIONS = ['html', 'htm', 'xhtml', 'svg', 'js', 'mjs', 'xml'];

  it('registers no purpose that accepts a file a browser would run, and none without a bounded size', () => {
    const purposes = allFilePurposes();
    expect(purposes.map((p) => p.purpose)).toEqual(expect.arrayContaining(['import', 'contract']));
    for (const p of purposes) {
      expect(
        p.types.filter((type) => RUNNABLE_TYPES.includes(type)),
        p.purpose,
      ).toEqual([]);
      expect(
        p.extensions.filter((ext) => RUNNABLE_EXTENSIONS.includes(ext)),
        p.purpose,
      ).toEqual([]);
      expect(p.maxBytes ?? t.app.ctx.config.FILE_MAX_BYTES, p.purpose).toBeLessThanOrEqual(100 * 1024 * 1024);
    }
  });
});
