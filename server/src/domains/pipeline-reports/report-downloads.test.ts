import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { grantReportPermission, makeOpportunity, makePipeline, type Owner } from './report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  await grantReportPermission(t.db);
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;

async function download(client: Client, url: string, locale?: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie, ...(locale ? { 'x-locale': locale } : {}) } });
}

/** RFC 4180 as the table writer writes it: BOM, CRLF, fields quoted when they must be. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted && c === '"' && s[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && s[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/** Rows as objects keyed by the header; an empty row starts a new block with its own header. */
const blocks = (rows: string[][]) => {
  const out: Record<string, string>[][] = [];
  let header: string[] | null = null;
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') {
      header = null;
    } else if (!header) {
      header = row;
      out.push([]);
    } else {
      const keys = header;
      out[out.length - 1].push(Object.fromEntries(keys.map((h, i) => [h, row[i]])));
    }
  }
  return out;
};

async function forecastData(team: Team) {
  t.clock.set('2026-03-10T04:00:00Z');
  const p = await makePipeline(t.db);
  const a: Owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
  const b: Owner = { userId: team.repB.userId, deptId: team.departments.shanghai };
  await makeOpportunity(t.db, {
    owner: a,
    pipeline: p,
    stage: 'quote',
    amount: '100000.00',
    probability: 70,
    expectedCloseDate: '2026-03-20',
  });
  await makeOpportunity(t.db, {
    owner: b,
    pipeline: p,
    stage: 'quote',
    amount: '33333.33',
    probability: 90,
    expectedCloseDate: '2026-04-02',
    forecastCategory: 'commit',
  });
  await makeOpportunity(t.db, { owner: b, pipeline: p, stage: 'won', amount: '50000.00', closedAt: '2026-03-05T02:00:00Z' });
  return p;
}

describe('report downloads (platform/reports)', () => {
  it('downloads the forecast as CSV with the same figures as the JSON, headed in the caller’s language', async () => {
    const team = await makeTeam(t.app, t.db);
    await forecastData(team);
    const query = `departmentId=${team.departments.center}`;
    const json = (await team.director.get(`/api/v1/reports/forecast?${query}`)).body;

    const res = await download(team.director, `/api/v1/reports/forecast?${query}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('销售预测-20260310.csv')}`);
    const [rows] = blocks(parseCsv(res.body));
    expect(Object.keys(rows[0])).toEqual([
      '层级',
      '名称',
      '部门',
      '月份',
      '预计签约（加权）',
      '计入预测的商机数',
      '承诺',
      '最佳情况',
      '管道',
      '排除',
      '已签约',
      '签约单数',
      '经理调整',
    ]);
    const total = rows.filter((r) => r.层级 === '合计');
    expect(total.map((r) => [r.月份, r['预计签约（加权）'], r.承诺, r.已签约, r.签约单数])).toEqual(
      json.total.map((f: Record<string, unknown>) => [f.month, f.forecast, f.commit, f.won, String(f.wonCount)]),
    );
    expect(total.map((r) => r['预计签约（加权）'])).toEqual(['70000.00', '30000.00']);
    for (const rep of json.reps.items) {
      const mine = rows.filter((r) => r.层级 === '销售' && r.名称 === rep.ownerName);
      expect(mine.map((r) => [r.月份, r['预计签约（加权）'], r.已签约])).toEqual(
        rep.months.map((f: Record<string, unknown>) => [f.month, f.forecast, f.won]),
      );
    }
    const departments = rows.filter((r) => r.层级 === '部门');
    expect(departments).toHaveLength(json.departments.length * json.months.length);

    // The same file in English for a caller who asks for English.
    const en = parseCsv((await download(team.director, `/api/v1/reports/forecast?${query}&format=csv`, 'en')).body);
    expect(en[0].slice(0, 5)).toEqual(['Level', 'Name', 'Department', 'Month', 'Forecast (weighted)']);
    expect(en.filter((r) => r[0] === 'Total').map((r) => r[4])).toEqual(['70000.00', '30000.00']);
  });

  it('limits a rep’s download to his own figures', async () => {
    const team = await makeTeam(t.app, t.db);
    await forecastData(team);
    const json = (await team.repB.get('/api/v1/reports/forecast')).body;
    const rows = blocks(parseCsv((await download(team.repB, '/api/v1/reports/forecast?format=csv')).body))[0];
    expect(rows.filter((r) => r.层级 === '部门')).toEqual([]);
    expect(new Set(rows.filter((r) => r.层级 === '销售').map((r) => r.名称))).toEqual(
      new Set(json.reps.items.map((r: { ownerName: string }) => r.ownerName)),
    );
    expect(json.reps.items).toHaveLength(1);
    expect(rows.filter((r) => r.层级 === '合计').map((r) => [r['预计签约（加权）'], r.已签约])).toEqual([
      ['0.00', '50000.00'],
      ['30000.00', '0.00'],
    ]);

    const totals = blocks(parseCsv((await download(team.repA, '/api/v1/reports/pipeline-totals?format=csv')).body));
    const mine = (await team.repA.get('/api/v1/reports/pipeline-totals')).body;
    expect(totals[1].find((r) => r.合计 === '' && r.类型 === '进行中')?.商机金额).toBe(mine.open.amount);
    expect(mine.open.amount).toBe('100000.00');
  });

  it('downloads pipeline totals as CSV and XLSX with the JSON’s stage figures and totals', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await forecastData(team);
    const query = `pipelineId=${p.id}&departmentId=${team.departments.center}`;
    const json = (await team.director.get(`/api/v1/reports/pipeline-totals?${query}`)).body;

    const res = await download(team.director, `/api/v1/reports/pipeline-totals?${query}&format=csv`, 'zh-TW');
    expect(res.statusCode).toBe(200);
    const [stages, totals] = blocks(parseCsv(res.body));
    expect(stages.map((r) => [r.階段, r.商機數, r.商機金額, r.預期收益])).toEqual(
      json.stages.map((s: { labels: Record<string, string>; count: number; amount: string; expectedRevenue: string }) => [
        s.labels['zh-TW'],
        String(s.count),
        s.amount,
        s.expectedRevenue,
      ]),
    );
    expect(totals.map((r) => [r.類型, r.商機數, r.商機金額])).toEqual([
      ['贏單', String(json.won.count), json.won.amount],
      ['輸單', String(json.lost.count), json.lost.amount],
      ['進行中', String(json.open.count), json.open.amount],
    ]);

    const xlsx = await download(team.director, `/api/v1/reports/pipeline-totals?${query}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('销售总览'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('销售总览');
    expect(sheet.getRow(1).getCell(2).value).toBe('阶段');
    json.stages.forEach((s: { amount: string; expectedRevenue: string }, i: number) => {
      expect(sheet.getRow(i + 2).getCell(6).value).toBe(s.amount);
      expect(sheet.getRow(i + 2).getCell(7).value).toBe(s.expectedRevenue);
    });
  });

  it('downloads the funnel as XLSX that reads back with the JSON’s shares', async () => {
    const team = await makeTeam(t.app, t.db);
    const p = await forecastData(team);
    const query = `pipelineId=${p.id}`;
    const json = (await team.eastManager.get(`/api/v1/reports/funnel?${query}`)).body;
    const res = await download(team.eastManager, `/api/v1/reports/funnel?${query}&format=xlsx`, 'en');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    expect(values(1)).toEqual(['Owner', 'Stage', 'Opportunities', 'Amount', 'Share (%)', 'Deviation (points)', 'p-value', 'Flagged']);
    const team0 = json.team.cells.map((c: { count: number; amount: string; share: number }) => [
      'Team',
      String(c.count),
      c.amount,
      String(c.share),
    ]);
    const teamRows = Array.from({ length: json.team.cells.length }, (_, i) => values(i + 2)).map((r) => [r[0], r[2], r[3], r[4]]);
    expect(teamRows).toEqual(team0);
    expect(sheet.rowCount).toBe(1 + json.team.cells.length + json.reps.items.length * json.stages.length);
  });

  it('offers every pipeline report as CSV and XLSX', async () => {
    const team = await makeTeam(t.app, t.db);
    await forecastData(team);
    const reports = [
      'forecast',
      'forecast-accuracy',
      'pipeline-totals',
      'funnel',
      'sources',
      'industries',
      'stage-conversion',
      'learned-probabilities',
    ];
    for (const report of reports) {
      for (const format of ['csv', 'xlsx']) {
        const res = await download(team.eastManager, `/api/v1/reports/${report}?format=${format}`);
        expect(res.statusCode, `${report} ${format}`).toBe(200);
        expect(res.headers['content-disposition']).toContain(`filename="${report}.${format}"`);
      }
    }
  });

  it('refuses an unknown format with 400', async () => {
    const team = await makeTeam(t.app, t.db);
    const bad = await download(team.director, '/api/v1/reports/sources?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('format');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = doc.paths['/api/v1/reports/sources'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['departmentId', 'ownerId', 'pipelineId', 'from', 'to', 'format']));
  });
});
