import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { makeDeal, makeProduct } from '../../test/quote-factories.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;

/** 华东's manager manages 上海组's reps; the quote flow's default step is the submitter's manager. */
async function setup() {
  const team = await makeTeam(t.app, t.db);
  await t.db.updateTable('departments').set({ manager_id: team.eastManager.userId }).where('id', '=', team.departments.east).execute();
  const owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
  const deal = await makeDeal(t.db, owner);
  const milk = await makeProduct(t.db, { listPrice: '1000.00', costPrice: '600.00', ownerId: admin.userId });
  const service = await makeProduct(t.db, { listPrice: '500.00', costPrice: '100.00', taxRate: '6.00', ownerId: admin.userId });
  return { team, deal, milk, service };
}

async function draft(team: Team, body: Record<string, unknown>) {
  const res = await team.repA.post('/api/v1/quotes', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('quotes (Q2)', () => {
  it('builds a quote from the catalogue with exact figures and a number; cost and margin only for those who may see costs', async () => {
    const { team, deal, milk, service } = await setup();
    const q = await draft(team, {
      opportunityId: deal.id,
      validUntil: '2099-12-31',
      lines: [
        { productId: milk, quantity: '3', discount: '5' },
        { productId: service, quantity: 1, unitPrice: '480' },
      ],
    });
    expect(q.number).toMatch(/^BJ-\d{8}-\d{3}$/);
    expect(q).toMatchObject({
      status: 'draft',
      revision: 1,
      listTotal: '3500.00',
      subtotal: '3330.00',
      total: '3330.00',
      discountLimit: '10.00',
      overLimit: false,
    });
    expect(q.lines.map((l: { amount: string; effectiveDiscount: string }) => [l.amount, l.effectiveDiscount])).toEqual([
      ['2850.00', '5.00'],
      ['480.00', '4.00'],
    ]);
    // A rep sees no cost at all: the keys are absent, not null.
    expect(q).not.toHaveProperty('costTotal');
    expect(q.lines[0]).not.toHaveProperty('costPrice');
    const seen = await team.eastManager.get(`/api/v1/quotes/${q.id}`);
    expect(seen.body).toMatchObject({ costTotal: '1900.00', margin: '1430.00', marginRate: '42.94' });
    expect(seen.body.lines[0]).toMatchObject({ costPrice: '600.00', margin: '1050.00' });
    const list = await team.repA.get(`/api/v1/quotes?opportunityId=${deal.id}`);
    expect(list.body.items[0]).not.toHaveProperty('costTotal');
  });

  it('needs no approval exactly at the rep’s limit; one hundredth of a percent over goes to his manager and is locked meanwhile', async () => {
    const { team, deal, milk } = await setup();
    const at = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1', discount: '10' }] });
    const submitted = await team.repA.post(`/api/v1/quotes/${at.id}/submit`, { version: at.version });
    expect(submitted.body.status).toBe('approved');
    expect((await team.repA.get(`/api/v1/approvals/by-document?documentType=quote&documentId=${at.id}`)).body.request).toBeNull();

    const over = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1', discount: '10.01' }] });
    expect(over.overLimit).toBe(true);
    expect(over.lines[0].overLimit).toBe(true);
    expect(over.can.send).toBe(false);
    const sendEarly = await team.repA.post(`/api/v1/quotes/${over.id}/send`, { version: over.version });
    expect(sendEarly.status).toBe(422);
    expect(sendEarly.body.error.message).toContain('10.00%');
    const sub = await team.repA.post(`/api/v1/quotes/${over.id}/submit`, { version: over.version });
    expect(sub.body.status).toBe('in_approval');

    // Locked on every route while in approval.
    const edit = await team.repA.patch(`/api/v1/quotes/${over.id}`, { version: sub.body.version, title: '改一下' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('DOCUMENT_LOCKED');
    expect((await team.repA.delete(`/api/v1/quotes/${over.id}`)).status).toBe(409);
    expect((await team.repA.post(`/api/v1/quotes/${over.id}/send`, { version: sub.body.version })).status).toBe(409);

    const request = (await team.eastManager.get('/api/v1/approvals?box=todo')).body.items.find(
      (i: { link: string }) => i.link === `/quotes/${over.id}`,
    );
    expect(request).toMatchObject({ documentLabel: '报价单', amount: '899.90' });
    // The manager sees which line went beyond the rep's limit (not his own 20 %).
    const asManager = (await team.eastManager.get(`/api/v1/quotes/${over.id}`)).body;
    expect(asManager).toMatchObject({ discountLimit: '10.00', overLimit: true });
    expect(asManager.lines[0].overLimit).toBe(true);
    expect((await team.eastManager.post(`/api/v1/approvals/${request.id}/approve`, {})).body.status).toBe('approved');
    const approved = await team.repA.get(`/api/v1/quotes/${over.id}`);
    expect(approved.body).toMatchObject({ status: 'approved', can: { send: true, edit: false } });
    expect((await team.repA.post(`/api/v1/quotes/${over.id}/send`, { version: approved.body.version })).body.status).toBe('sent');
  });

  it('checks the whole quote’s discount as well as each line’s', async () => {
    const { team, deal, milk } = await setup();
    const q = await draft(team, { opportunityId: deal.id, wholeDiscount: '6', lines: [{ productId: milk, quantity: '1', discount: '5' }] });
    // 1 − 0.95 × 0.94 = 10.7 %: each part within 10 %, the whole beyond it.
    expect(q).toMatchObject({ total: '893.00', overallDiscount: '10.70', overLimit: true });
    expect(q.lines[0].overLimit).toBe(false);
  });

  it('sends a rejected quote back to draft with the reason; the rep fixes the line and it passes', async () => {
    const { team, deal, milk } = await setup();
    const q = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '2', discount: '25' }] });
    const sub = await team.repA.post(`/api/v1/quotes/${q.id}/submit`, { version: q.version });
    const req = (await team.repA.get(`/api/v1/approvals/by-document?documentType=quote&documentId=${q.id}`)).body.request;
    await team.eastManager.post(`/api/v1/approvals/${req.id}/reject`, { comment: '25% 太多了，最多给 15%' });
    const back = await team.repA.get(`/api/v1/quotes/${q.id}`);
    expect(back.body.status).toBe('draft');
    expect(back.body.version).toBeGreaterThan(sub.body.version);
    const fixed = await team.repA.patch(`/api/v1/quotes/${q.id}`, {
      version: back.body.version,
      lines: [{ productId: milk, quantity: '2', discount: '15' }],
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.total).toBe('1700.00');
    await team.repA.post(`/api/v1/quotes/${q.id}/submit`, { version: fixed.body.version });
    const again = (await team.repA.get(`/api/v1/approvals/by-document?documentType=quote&documentId=${q.id}`)).body.request;
    expect(again).toMatchObject({ round: 2, status: 'pending' });
    await team.eastManager.post(`/api/v1/approvals/${again.id}/approve`, {});
    expect((await team.repA.get(`/api/v1/quotes/${q.id}`)).body.status).toBe('approved');
  });

  it('on acceptance sets the deal’s amount from the quote and moves it to the stage the pipeline names, in one go', async () => {
    const { team, deal, milk } = await setup();
    const put = await admin.request('PUT', '/api/v1/quote-settings', {
      acceptedStages: [{ pipelineId: deal.pipeline.id, stageId: deal.pipeline.stage.won.id }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const q = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '120' }] });
    const sent = await team.repA.post(`/api/v1/quotes/${q.id}/send`, { version: q.version });
    const accepted = await team.repA.post(`/api/v1/quotes/${q.id}/accept`, { version: sent.body.version });
    expect(accepted.body.status).toBe('accepted');
    const opp = await team.repA.get(`/api/v1/opportunities/${deal.id}`);
    expect(opp.body).toMatchObject({ amount: '120000.00', stage: { id: deal.pipeline.stage.won.id }, status: 'won' });
    const history = await team.repA.get(`/api/v1/opportunities/${deal.id}/history`);
    expect(history.body.stages.at(-1).stageId).toBe(deal.pipeline.stage.won.id);
    expect(history.body.items.some((h: { field: string; newValue: unknown }) => h.field === 'amount' && h.newValue === '120000.00')).toBe(
      true,
    );
  });

  it('keeps the old version readable when a new one is made; expires a quote past its date', async () => {
    const { team, deal, milk } = await setup();
    const q = await draft(team, { opportunityId: deal.id, validUntil: '2026-01-31', lines: [{ productId: milk, quantity: '1' }] });
    const sent = await team.repA.post(`/api/v1/quotes/${q.id}/send`, { version: q.version });
    const rejected = await team.repA.post(`/api/v1/quotes/${q.id}/customer-reject`, { version: sent.body.version, reason: '客户嫌贵' });
    expect(rejected.body).toMatchObject({ status: 'rejected', customerRejectReason: '客户嫌贵', can: { revise: true } });
    const v2 = await team.repA.post(`/api/v1/quotes/${q.id}/revise`, { version: rejected.body.version });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ number: q.number, revision: 2, status: 'draft', supersedesId: q.id, total: '1000.00' });
    const old = await team.repA.get(`/api/v1/quotes/${q.id}`);
    expect(old.body).toMatchObject({ status: 'superseded', supersededById: v2.body.id, can: { revise: false } });
    // The list shows the newest version only, unless asked.
    const list = await team.repA.get(`/api/v1/quotes?opportunityId=${deal.id}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([v2.body.id]);

    // Sent, then its valid-until date passes (Shanghai): the hourly job marks it expired; accepting it is refused.
    const sent2 = await team.repA.post(`/api/v1/quotes/${v2.body.id}/send`, { version: v2.body.version });
    const late = await team.repA.post(`/api/v1/quotes/${v2.body.id}/accept`, { version: sent2.body.version });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('QUOTE_EXPIRED');
    const { runJobIfDue, registeredJobs } = await import('../../platform/jobs/scheduler.js');
    const job = registeredJobs().find((j) => j.name === 'quote-expiry');
    await runJobIfDue(t.app.ctx, job as NonNullable<typeof job>, { force: true });
    expect((await team.repA.get(`/api/v1/quotes/${v2.body.id}`)).body.status).toBe('expired');
  });

  it('uses the admin’s discount limits per role; refuses a product that is not in the catalogue', async () => {
    const { team, deal, milk } = await setup();
    const settings = await admin.get('/api/v1/quote-settings');
    const rep = settings.body.discountLimits.find((l: { roleKey: string }) => l.roleKey === 'rep');
    expect(rep.maxDiscount).toBe('10.00');
    await admin.request('PUT', '/api/v1/quote-settings', { discountLimits: [{ roleId: rep.roleId, maxDiscount: '5' }] });
    const q = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1', discount: '6' }] });
    expect(q).toMatchObject({ discountLimit: '5.00', overLimit: true });
    await admin.request('PUT', '/api/v1/quote-settings', { discountLimits: [{ roleId: rep.roleId, maxDiscount: '10' }] });

    const bad = await team.repA.post('/api/v1/quotes', { opportunityId: deal.id, lines: [{ productId: deal.id, quantity: '1' }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['lines.0.productId']);
    const noLines = await team.repA.post('/api/v1/quotes', { opportunityId: deal.id, lines: [] });
    expect(noLines.status).toBe(400);
    // Someone else's deal: not found.
    expect(
      (await team.repSouth.post('/api/v1/quotes', { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1' }] })).status,
    ).toBe(404);
  });

  it('lets an approver outside the rep’s scope open the quote routed to him, and nothing else of that customer', async () => {
    const { team, deal, milk } = await setup();
    const flow = await admin.request('PUT', '/api/v1/approval-flows/quote', {
      definition: {
        steps: [{ name: '华南经理代审', mode: 'any', approvers: [{ kind: 'user', userId: team.southManager.userId }] }],
        fallbackUserId: admin.userId,
      },
    });
    expect(flow.status, JSON.stringify(flow.body)).toBe(200);
    const routed = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1', discount: '30' }] });
    const other = await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1' }] });
    await team.repA.post(`/api/v1/quotes/${routed.id}/submit`, { version: routed.version });
    const seen = await team.southManager.get(`/api/v1/quotes/${routed.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can.edit).toBe(false);
    expect((await team.southManager.get(`/api/v1/quotes/${other.id}`)).status).toBe(404);
    expect((await team.southManager.get(`/api/v1/opportunities/${deal.id}`)).status).toBe(404);
    expect((await team.southManager.patch(`/api/v1/quotes/${routed.id}`, { version: seen.body.version, title: 'x' })).status).toBe(404);
    await admin.request('PUT', '/api/v1/approval-flows/quote', {
      definition: {
        steps: [{ name: '销售主管审批', mode: 'any', approvers: [{ kind: 'submitter_manager' }] }],
        fallbackUserId: admin.userId,
      },
    });
  });

  it('exports the quote list in the caller’s scope to those who may export, with cost and margin', async () => {
    const { team, deal, milk } = await setup();
    await draft(team, { opportunityId: deal.id, lines: [{ productId: milk, quantity: '2' }] });
    const get = (client: Client) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/exports/quotes?format=csv&opportunityId=${deal.id}`,
        headers: { cookie: client.cookie },
      });
    const csv = async (client: Client) => {
      const res = await get(client);
      expect(res.statusCode).toBe(200);
      return res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    // A rep quotes but exports nothing (quotes:export is a manager's).
    expect((await get(team.repA)).statusCode).toBe(403);
    const manager = await csv(team.eastManager);
    expect(manager[0]).toContain('成本');
    expect(manager[1]).toContain('2000.00');
    expect(manager[1]).toContain('1200.00');
    // 华南's manager: the quote is outside his scope.
    expect(await csv(team.southManager)).toHaveLength(1);
  });
});
