import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { counterPeriod, formatNumber, nextNumber, registerNumberSeries } from './numbering.js';

registerNumberSeries({
  key: 'test-ht',
  labels: { 'zh-CN': '测试合同', 'zh-TW': '測試合約', en: 'Test contract' },
  pattern: 'HT-{YYYY}-{MM}-{SEQ:4}',
  reset: 'monthly',
});
registerNumberSeries({
  key: 'test-bj',
  labels: { 'zh-CN': '测试报价', 'zh-TW': '測試報價', en: 'Test quote' },
  pattern: 'BJ-{YYYY}{MM}{DD}-{SEQ:3}',
  reset: 'daily',
});

const TZ = 'Asia/Shanghai';
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

const take = (key: string, at: string) => t.db.transaction().execute((trx) => nextNumber(trx, key, new Date(at), TZ));

describe('document numbers', () => {
  it('prints the pattern with the date in the company time zone and a padded counter', () => {
    expect(formatNumber('HT-{YYYY}-{MM}-{SEQ:4}', '2026-12-05', 1)).toBe('HT-2026-12-0001');
    expect(formatNumber('BJ-{YY}{MM}{DD}-{SEQ:3}', '2026-12-05', 12345)).toBe('BJ-261205-12345');
    expect(counterPeriod('daily', '2026-12-05')).toBe('20261205');
    expect(counterPeriod('monthly', '2026-12-05')).toBe('202612');
    expect(counterPeriod('yearly', '2026-12-05')).toBe('2026');
    expect(counterPeriod('never', '2026-12-05')).toBe('');
  });

  it('starts again each day, month or year as the series says (a Shanghai day, not a UTC one)', async () => {
    expect(await take('test-bj', '2026-12-05T01:00:00Z')).toBe('BJ-20261205-001');
    expect(await take('test-bj', '2026-12-05T15:59:00Z')).toBe('BJ-20261205-002');
    // 16:00 UTC is already the 6th in Shanghai.
    expect(await take('test-bj', '2026-12-05T16:00:00Z')).toBe('BJ-20261206-001');
    expect(await take('test-ht', '2026-11-30T03:00:00Z')).toBe('HT-2026-11-0001');
    expect(await take('test-ht', '2026-12-01T03:00:00Z')).toBe('HT-2026-12-0001');
  });

  it('hands out 20 numbers taken at once without a duplicate or a gap, and takes back the number of a creation that failed', async () => {
    const at = '2027-03-10T03:00:00Z';
    const numbers = await Promise.all(Array.from({ length: 20 }, () => take('test-ht', at)));
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `HT-2027-03-${String(i + 1).padStart(4, '0')}`));

    await expect(
      t.db.transaction().execute(async (trx) => {
        await nextNumber(trx, 'test-ht', new Date(at), TZ);
        throw new Error('the document failed its own checks');
      }),
    ).rejects.toThrow('the document failed');
    expect(await take('test-ht', at)).toBe('HT-2027-03-0021');
  });

  it('lets the admin change a pattern (checked) and shows the next number without taking it', async () => {
    const list = await admin.get('/api/v1/number-series');
    expect(list.status).toBe(200);
    expect(list.body.items.find((s: { key: string }) => s.key === 'test-bj')).toMatchObject({
      pattern: 'BJ-{YYYY}{MM}{DD}-{SEQ:3}',
      reset: 'daily',
    });

    const bad = await admin.request('PUT', '/api/v1/number-series/test-bj', { pattern: 'BJ-{YYYY}', reset: 'daily' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.pattern).toContain('流水号');
    const typo = await admin.request('PUT', '/api/v1/number-series/test-bj', { pattern: 'BJ-{YYY}-{SEQ:3}', reset: 'daily' });
    expect(typo.status).toBe(400);

    const ok = await admin.request('PUT', '/api/v1/number-series/test-bj', { pattern: 'Q{YY}{MM}-{SEQ:5}', reset: 'monthly' });
    expect(ok.status).toBe(200);
    expect(ok.body.preview).toMatch(/^Q\d{4}-\d{5}$/);
    expect(await take('test-bj', '2028-01-15T03:00:00Z')).toBe('Q2801-00001');

    const rep = await makeClient(t.app, t.db, { role: 'rep' });
    expect((await rep.request('PUT', '/api/v1/number-series/test-bj', { pattern: 'X-{SEQ:3}', reset: 'never' })).status).toBe(403);
    expect((await admin.request('PUT', '/api/v1/number-series/nope', { pattern: 'X-{SEQ:3}', reset: 'never' })).status).toBe(404);
  });
});
