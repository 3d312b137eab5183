import type { Board, Opportunity, Pipeline } from '@contracts/opportunities.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeContact, makeCustomer, makeTeam, unknownId } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

const DAY = 86_400_000;
let t: TestApp;
let admin: Client;
let standard: Pipeline;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  admin = await makeAdmin(t.app, t.db);
  standard = (await admin.get('/api/v1/pipelines')).body.items.find((p: Pipeline) => p.key === 'standard');
});
afterAll(() => t.close());

const stageId = (p: Pipeline, zh: string) => {
  const s = p.stages.find((x) => x.labels['zh-CN'] === zh);
  if (!s) throw new Error(`no stage ${zh}`);
  return s.id;
};

async function makeOpportunity(client: Client, customerId: string, fields: Record<string, unknown> = {}): Promise<Opportunity> {
  const res = await client.post('/api/v1/opportunities', { customerId, name: '年度框架采购', amount: '100000', ...fields });
  if (res.status !== 201) throw new Error(`makeOpportunity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const column = (board: Board, zh: string) => board.columns.find((c) => c.stage.labels['zh-CN'] === zh);

describe('pipelines (O2)', () => {
  it('ships the two templates with their stages, probabilities and terminal stages', async () => {
    const items: Pipeline[] = (await admin.get('/api/v1/pipelines')).body.items;
    expect(standard.isDefault).toBe(true);
    expect(standard.stages.map((s) => [s.labels['zh-CN'], s.probability, s.kind])).toEqual([
      ['初步接触', 10, 'open'],
      ['需求沟通', 30, 'open'],
      ['意向确认', 50, 'open'],
      ['报价', 70, 'open'],
      ['成功签约', 100, 'won'],
      ['输单', 0, 'lost'],
    ]);
    const nine = items.find((p) => p.key === 'nine_stage');
    expect(nine?.stages.map((s) => s.labels['zh-CN'])).toEqual([
      '勘探',
      '条件验证',
      '需求分析',
      '价值主张',
      '辨认决策者',
      '认知分析',
      '提案/报价',
      '谈判/检视',
      '成交',
      '失败',
    ]);
  });

  it('refuses a pipeline without one won and one lost stage, and lets only the admin write', async () => {
    const body = {
      name: '项目型',
      stages: [
        { labels: { 'zh-CN': '立项' }, kind: 'open', probability: 20 },
        { labels: { 'zh-CN': '中标' }, kind: 'won', probability: 100 },
        { labels: { 'zh-CN': '签约' }, kind: 'won', probability: 100 },
      ],
    };
    const res = await admin.request('POST', '/api/v1/pipelines', body, { 'x-locale': 'zh-CN' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.stages).toBe('每个流程要有且只有一个“赢单”阶段和一个“输单”阶段');
    const team = await makeTeam(t.app, t.db);
    expect((await team.director.post('/api/v1/pipelines', body)).status).toBe(403);
  });

  it('keeps past probabilities when the admin re-weights a stage, and will not drop a stage that holds deals', async () => {
    const created = await admin.post('/api/v1/pipelines', {
      name: '渠道项目',
      stages: [
        { labels: { 'zh-CN': '接洽' }, kind: 'open', probability: 20, minProbability: 10, maxProbability: 40 },
        { labels: { 'zh-CN': '方案' }, kind: 'open', probability: 50 },
        { labels: { 'zh-CN': '签约' }, kind: 'won', probability: 100 },
        { labels: { 'zh-CN': '丢单' }, kind: 'lost', probability: 0 },
      ],
    });
    expect(created.status).toBe(201);
    const p: Pipeline = created.body;
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const opp = await makeOpportunity(team.repA, c.id, { pipelineId: p.id });
    expect(opp.probability).toBe(20);

    const stages = p.stages.map((s) => ({ id: s.id, labels: s.labels, kind: s.kind, probability: s.probability }));
    stages[0] = { ...stages[0], probability: 30 };
    const updated = await admin.request('PUT', `/api/v1/pipelines/${p.id}`, { name: p.name, version: p.version, stages });
    expect(updated.status).toBe(200);
    expect(updated.body.stages[0].probability).toBe(30);
    expect((await team.repA.get(`/api/v1/opportunities/${opp.id}`)).body.probability).toBe(20);
    const history = (await team.repA.get(`/api/v1/opportunities/${opp.id}/history`)).body;
    expect(history.stages.map((s: { probability: number }) => s.probability)).toEqual([20]);

    const withoutFirst = await admin.request('PUT', `/api/v1/pipelines/${p.id}`, {
      name: p.name,
      version: updated.body.version,
      stages: stages.slice(1),
    });
    expect(withoutFirst.status).toBe(409);
    expect(withoutFirst.body.error.code).toBe('STAGE_IN_USE');
    const stale = await admin.request('PUT', `/api/v1/pipelines/${p.id}`, { name: p.name, version: p.version, stages });
    expect(stale.status).toBe(409);
  });
});

describe('opportunities (O1, O4)', () => {
  it('starts in the first stage with its probability, lets the rep choose one in range, and refuses one outside', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, c.id);
    const opp = await makeOpportunity(team.repA, c.id, {
      contacts: [{ contactId: contact.id, role: 'decision_maker' }],
      source: 'referral',
      expectedCloseDate: '2026-12-20',
    });
    expect(opp).toMatchObject({
      stage: { labels: { 'zh-CN': '初步接触' } },
      probability: 10,
      amount: '100000.00',
      weightedAmount: '10000.00',
      currency: 'CNY',
      status: 'open',
      pipelineId: standard.id,
      contacts: [{ contactId: contact.id, role: 'decision_maker' }],
    });
    const own = await makeOpportunity(team.repA, c.id, { stageId: stageId(standard, '报价'), probability: 85, amount: '33333.33' });
    expect(own.weightedAmount).toBe('28333.33');
    const res = await team.repA.request(
      'POST',
      '/api/v1/opportunities',
      { customerId: c.id, name: '过高', stageId: stageId(standard, '初步接触'), probability: 60 },
      { 'x-locale': 'zh-CN' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.probability).toBe('这个阶段的赢率只能在 0%–20% 之间');
    const other = await makeCustomer(team.repB);
    expect((await team.repA.post('/api/v1/opportunities', { customerId: other.id, name: '别人的客户' })).status).toBe(400);
    const foreignContact = await makeContact(team.repB, other.id);
    const wrongContact = await team.repA.post('/api/v1/opportunities', {
      customerId: c.id,
      name: '联系人不对',
      contacts: [{ contactId: foreignContact.id }],
    });
    expect(wrongContact.status).toBe(400);
    expect((await team.repA.post('/api/v1/opportunities', { customerId: c.id, name: '负数', amount: '-1' })).status).toBe(400);
  });

  it('moves through stages with optimistic locking, stage history and field history; lost needs a reason', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const opp = await makeOpportunity(team.repA, c.id);
    t.clock.advance(2 * DAY);
    const quoted = await team.repA.post(`/api/v1/opportunities/${opp.id}/stage`, {
      stageId: stageId(standard, '报价'),
      version: opp.version,
    });
    expect(quoted.status).toBe(200);
    expect(quoted.body).toMatchObject({ probability: 70, status: 'open', daysInStage: 0 });
    const stale = await team.repA.post(`/api/v1/opportunities/${opp.id}/stage`, {
      stageId: stageId(standard, '成功签约'),
      version: opp.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.stage.labels['zh-CN']).toBe('报价');

    const noReason = await team.repA.post(`/api/v1/opportunities/${opp.id}/stage`, {
      stageId: stageId(standard, '输单'),
      version: quoted.body.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('lostReason');
    t.clock.advance(DAY);
    const won = await team.repA.post(`/api/v1/opportunities/${opp.id}/stage`, {
      stageId: stageId(standard, '成功签约'),
      version: quoted.body.version,
    });
    expect(won.body).toMatchObject({ status: 'won', probability: 100, closedAt: expect.any(String), stalled: null });

    const history = (await team.repA.get(`/api/v1/opportunities/${opp.id}/history`)).body;
    expect(
      history.stages.map((s: { stageLabels: { 'zh-CN': string }; probability: number; days: number; leftAt: string | null }) => [
        s.stageLabels['zh-CN'],
        s.probability,
        s.days,
        s.leftAt === null,
      ]),
    ).toEqual([
      ['初步接触', 10, 2, false],
      ['报价', 70, 1, false],
      ['成功签约', 100, 0, true],
    ]);
    expect(history.items.some((h: { field: string; newValue: string }) => h.field === 'status' && h.newValue === 'won')).toBe(true);

    // Reopening clears the close; lost keeps its reason.
    const lost = await team.repA.post(`/api/v1/opportunities/${opp.id}/stage`, {
      stageId: stageId(standard, '输单'),
      version: won.body.version,
      lostReason: 'price',
      lostNote: '对方压价 15%',
    });
    expect(lost.body).toMatchObject({ status: 'lost', probability: 0, lostReason: 'price', lostNote: '对方压价 15%' });
    const reopened = await team.repA.post(`/api/v1/opportunities/${opp.id}/stage`, {
      stageId: stageId(standard, '需求沟通'),
      version: lost.body.version,
    });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, lostReason: null, probability: 30 });
    // The stages it has been in (for learned probabilities) follow the history: each once.
    const visited = await t.db.selectFrom('opportunities').select('visited_stage_ids').where('id', '=', opp.id).executeTakeFirstOrThrow();
    const entered = ['初步接触', '报价', '成功签约', '输单', '需求沟通'].map((zh) => stageId(standard, zh));
    expect([...visited.visited_stage_ids].sort()).toEqual([...entered].sort());
  });

  it('edits fields within the stage range, replaces contacts with history, and keeps each rep to his own', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, c.id);
    const opp = await makeOpportunity(team.repA, c.id);
    const edited = await team.repA.patch(`/api/v1/opportunities/${opp.id}`, {
      version: opp.version,
      amount: '120000',
      probability: 15,
      nextStep: '下周二带技术去现场演示',
      forecastCategory: 'best_case',
      contacts: [{ contactId: contact.id, role: 'technical' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ amount: '120000.00', probability: 15, weightedAmount: '18000.00', forecastCategory: 'best_case' });
    expect(edited.body.contacts).toHaveLength(1);
    const tooHigh = await team.repA.patch(`/api/v1/opportunities/${opp.id}`, { version: edited.body.version, probability: 50 });
    expect(tooHigh.status).toBe(400);
    const fields = (await historyRows(t.db, 'opportunity', opp.id)).map((h) => h.field);
    expect(fields).toEqual(expect.arrayContaining(['amount', 'probability', 'contacts']));

    expect((await team.repB.get(`/api/v1/opportunities/${opp.id}`)).status).toBe(404);
    expect((await team.repB.get('/api/v1/opportunities?pageSize=100')).body.items.map((o: Opportunity) => o.id)).not.toContain(opp.id);
    expect((await team.eastManager.get(`/api/v1/opportunities/${opp.id}`)).status).toBe(200);
    expect((await team.southManager.get(`/api/v1/opportunities/${opp.id}`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/opportunities/${unknownId()}`)).status).toBe(404);
  });

  it('links follow-ups only to the same customer’s deals, and a follow-up clears "no follow-up" stalling', async () => {
    t.clock.set(new Date());
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const other = await makeCustomer(team.repA);
    const opp = await makeOpportunity(team.repA, c.id, { stageId: stageId(standard, '需求沟通') });
    const wrong = await team.repA.post('/api/v1/follow-ups', {
      customerId: other.id,
      opportunityId: opp.id,
      type: 'call',
      content: '电话沟通',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('opportunityId');

    t.clock.advance(15 * DAY);
    expect((await team.repA.get(`/api/v1/opportunities/${opp.id}`)).body.stalled).toBe('no_follow_up');
    const ok = await team.repA.post('/api/v1/follow-ups', {
      customerId: c.id,
      opportunityId: opp.id,
      type: 'visit',
      content: '上门演示，客户技术认可',
      occurredAt: t.clock.now().toISOString(),
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ opportunityId: opp.id, opportunityName: opp.name });
    const after = (await team.repA.get(`/api/v1/opportunities/${opp.id}`)).body;
    expect(after.stalled).toBeNull();
    expect(after.lastFollowUpAt).not.toBeNull();

    // 需求沟通 allows 30 days: past that, the stage limit flags it even with recent follow-ups.
    t.clock.advance(16 * DAY);
    await team.repA.post('/api/v1/follow-ups', {
      customerId: c.id,
      opportunityId: opp.id,
      type: 'call',
      content: '催进度',
      occurredAt: t.clock.now().toISOString(),
    });
    expect((await team.repA.get(`/api/v1/opportunities/${opp.id}`)).body.stalled).toBe('stage_limit');
    const stalled = (await team.eastManager.get('/api/v1/opportunities?stalled=true&pageSize=100')).body.items.map(
      (o: Opportunity) => o.id,
    );
    expect(stalled).toContain(opp.id);
    const timeline = (await team.repA.get(`/api/v1/customers/${c.id}/timeline?types=opportunity`)).body.items;
    expect(timeline.map((i: { id: string }) => i.id)).toContain(opp.id);
  });

  it('puts open deals on the calendar on their expected close date, for their owner and his manager only', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const open = await makeOpportunity(team.repA, c.id, { expectedCloseDate: '2027-03-18' });
    const won = await makeOpportunity(team.repA, c.id, { expectedCloseDate: '2027-03-19' });
    await team.repA.post(`/api/v1/opportunities/${won.id}/stage`, { stageId: stageId(standard, '成功签约'), version: won.version });
    const entries = async (client: Client) =>
      (await client.get('/api/v1/calendar?from=2027-03-01&to=2027-03-31')).body.items.filter(
        (e: { kind: string }) => e.kind === 'opportunity_close',
      );
    expect(await entries(team.repA)).toEqual([
      expect.objectContaining({ id: open.id, date: '2027-03-18', customerId: c.id, title: open.name }),
    ]);
    expect((await entries(team.eastManager)).map((e: { id: string }) => e.id)).toContain(open.id);
    expect((await entries(team.repB)).map((e: { id: string }) => e.id)).not.toContain(open.id);
  });
});

describe('lead conversion with a deal', () => {
  it('opens the deal in the same step, linked to the lead, with the new contact on it', async () => {
    const team = await makeTeam(t.app, t.db);
    const lead = (await team.repA.post('/api/v1/leads', { company: `线索转商机${Date.now()}`, contactName: '韩工', mobile: '13911112222' }))
      .body;
    const res = await team.repA.post(`/api/v1/leads/${lead.id}/convert`, {
      version: lead.version,
      opportunity: { amount: '88000', expectedCloseDate: '2027-01-15' },
    });
    expect(res.status).toBe(200);
    expect(res.body.opportunityId).toEqual(expect.any(String));
    const opp = (await team.repA.get(`/api/v1/opportunities/${res.body.opportunityId}`)).body;
    expect(opp).toMatchObject({
      name: lead.company,
      customerId: res.body.customerId,
      leadId: lead.id,
      source: 'lead',
      amount: '88000.00',
      stage: { labels: { 'zh-CN': '初步接触' } },
      contacts: [{ contactId: res.body.contactId }],
    });
    const row = await t.db.selectFrom('leads').select('converted_opportunity_id').where('id', '=', lead.id).executeTakeFirstOrThrow();
    expect(row.converted_opportunity_id).toBe(opp.id);

    // A bad deal rolls the whole conversion back.
    const lead2 = (await team.repA.post('/api/v1/leads', { company: `线索回滚${Date.now()}` })).body;
    const bad = await team.repA.post(`/api/v1/leads/${lead2.id}/convert`, {
      version: lead2.version,
      opportunity: { stageId: unknownId() },
    });
    expect(bad.status).toBe(400);
    expect((await team.repA.get(`/api/v1/leads/${lead2.id}`)).body.status).not.toBe('converted');
    expect((await team.repA.get(`/api/v1/customers?q=${encodeURIComponent(lead2.company)}`)).body.total).toBe(0);
  });
});

describe('the kanban board (O3)', () => {
  it('totals each column (count, amount, weighted) in scope and follows the filters', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const cB = await makeCustomer(team.repB);
    await makeOpportunity(team.repA, c.id, { amount: '100000', stageId: stageId(standard, '报价') });
    await makeOpportunity(team.repA, c.id, {
      amount: '50000.50',
      stageId: stageId(standard, '报价'),
      probability: 80,
      expectedCloseDate: '2026-12-31',
    });
    await makeOpportunity(team.repB, cB.id, { amount: '30000', stageId: stageId(standard, '需求沟通') });

    const mine: Board = (await team.repA.get('/api/v1/opportunities/board')).body;
    expect(column(mine, '报价')).toMatchObject({ count: 2, amount: '150000.50', weightedAmount: '110000.40' });
    expect(column(mine, '报价')?.cards).toHaveLength(2);
    expect(column(mine, '需求沟通')?.count).toBe(0);
    expect(mine.openTotals).toEqual({ count: 2, amount: '150000.50', weightedAmount: '110000.40' });

    const east: Board = (await team.eastManager.get(`/api/v1/opportunities/board?departmentId=${team.departments.shanghai}`)).body;
    expect(column(east, '需求沟通')).toMatchObject({ count: 1, amount: '30000.00', weightedAmount: '9000.00' });
    const december: Board = (
      await team.eastManager.get(`/api/v1/opportunities/board?departmentId=${team.departments.shanghai}&closeMonth=2026-12`)
    ).body;
    expect(column(december, '报价')).toMatchObject({ count: 1, amount: '50000.50', weightedAmount: '40000.40' });
    expect(column(december, '需求沟通')?.count).toBe(0);

    const list = await team.eastManager.get(
      `/api/v1/opportunities?departmentId=${team.departments.shanghai}&stageId=${stageId(standard, '报价')}`,
    );
    expect(list.body.total).toBe(2);
    const csv = await team.eastManager.get(`/api/v1/exports/opportunities?departmentId=${team.departments.shanghai}`);
    expect(csv.status).toBe(200);
    const text = String((csv as unknown as { body: string }).body);
    expect(text).toContain('报价');
    expect(text).toContain('50000.50');
  });
});
