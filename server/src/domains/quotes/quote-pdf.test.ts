import { spawnSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeTeam } from '../../test/factories.js';
import { makeDeal, makeProduct } from '../../test/quote-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

async function pdfOf(client: Client, id: string, query = '') {
  const r = await t.app.inject({ method: 'GET', url: `/api/v1/quotes/${id}/pdf${query}`, headers: { cookie: client.cookie } });
  return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload };
}

/** The text a reader gets back out of the PDF, page by page (pdf.js, as a browser's viewer reads it). */
async function textOf(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** poppler's pdftotext, where the machine has it (CI installs poppler-utils with Chromium): a second reader. */
const pdftotext = spawnSync('pdftotext', ['-v']).error
  ? null
  : (bytes: Buffer) => spawnSync('pdftotext', ['-', '-'], { input: bytes }).stdout.toString();

describe('quote PDF (Q2)', () => {
  it('prints the quote in Chinese with the text extractable as written, the 大写 total, and never cost or margin', async () => {
    const team = await makeTeam(t.app, t.db);
    const deal = await makeDeal(t.db, { userId: team.repA.userId, deptId: team.departments.shanghai });
    const milk = await makeProduct(t.db, { listPrice: '1000.00', costPrice: '612.34', ownerId: admin.userId });
    const service = await makeProduct(t.db, { listPrice: '500.00', costPrice: '123.45', taxRate: '6.00', ownerId: admin.userId });
    const created = await team.repA.post('/api/v1/quotes', {
      opportunityId: deal.id,
      validUntil: '2099-12-31',
      wholeDiscount: '2',
      notes: '含上门培训一次',
      lines: [
        { productId: milk, quantity: '12', discount: '5' },
        { productId: service, quantity: '1', unitPrice: '480' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const q = created.body;
    // 12 × 1000 × 0.95 + 480 = 11,880.00; less 2 % = 11,642.40
    expect(q.total).toBe('11642.40');

    // Read by the manager, who may see costs: the PDF still shows none.
    const res = await pdfOf(team.eastManager, q.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`报价单-${q.number}-v1.pdf`)}`);
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is subset: the glyphs used, not Noto Sans SC's 10 MB.
    expect(res.bytes.length).toBeLessThan(200_000);

    const [page] = await textOf(res.bytes);
    for (const words of [
      '销售过程管理',
      '报价单',
      q.number,
      q.customerName,
      q.opportunityName,
      q.lines[0].name,
      q.lines[1].name,
      '2099-12-31',
      '¥11,400.00', // the first line's amount
      '合计',
      '¥11,880.00',
      '整单折扣',
      '总计(含税)',
      '¥11,642.40',
      '其中税额',
      '人民币壹万壹仟陆佰肆拾贰元肆角',
      '含上门培训一次',
    ])
      expect(page).toContain(words);
    for (const secret of ['612.34', '123.45', '成本', '毛利']) expect(page).not.toContain(secret);

    if (pdftotext) {
      const text = pdftotext(res.bytes);
      for (const words of [q.customerName, q.lines[0].name, '报价单', '¥11,642.40', '人民币壹万壹仟陆佰肆拾贰元肆角'])
        expect(text).toContain(words);
    }

    const inline = await pdfOf(team.repA, q.id, '?inline=true');
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('answers only those who may read the quote, and runs on to further pages with the column heads repeated', async () => {
    const team = await makeTeam(t.app, t.db);
    const deal = await makeDeal(t.db, { userId: team.repA.userId, deptId: team.departments.shanghai });
    const milk = await makeProduct(t.db, { listPrice: '99.90', ownerId: admin.userId });
    const lines = Array.from({ length: 70 }, (_, i) => ({ productId: milk, quantity: String(i + 1) }));
    const q = (await team.repA.post('/api/v1/quotes', { opportunityId: deal.id, lines })).body;

    expect((await pdfOf(team.repSouth, q.id)).status).toBe(404);
    const res = await pdfOf(team.repA, q.id);
    const pages = await textOf(res.bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('产品编码');
    expect(pages[0]).toContain(`第 1 页 / 共 ${pages.length} 页`);
    // 99.90 × (1 + … + 70) = 99.90 × 2485
    expect(pages.at(-1)).toContain('¥248,251.50');
  });
});
