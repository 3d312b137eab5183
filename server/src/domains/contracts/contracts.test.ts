import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeTeam } from '../../test/factories.js';
import { makeDeal, makeProduct } from '../../test/quote-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
let pm: Client;
let finance: Client;
let legal: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  pm = await makeClient(t.app, t.db, { role: 'project_manager' });
  finance = await makeClient(t.app, t.db, { role: 'finance' });
  legal = await makeClient(t.app, t.db, { role: 'legal' });
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;

async function setup() {
  const team = await makeTeam(t.app, t.db);
  await t.db.updateTable('departments').set({ manager_id: team.eastManager.userId }).where('id', '=', team.departments.east).execute();
  const deal = await makeDeal(t.db, { userId: team.repA.userId, deptId: team.departments.shanghai });
  const milk = await makeProduct(t.db, { listPrice: '120.00', costPrice: '80.00', ownerId: admin.userId });
  const promo = await makeProduct(t.db, { listPrice: '50000.00', costPrice: '20000.00', taxRate: '6.00', ownerId: admin.userId });
  return { team, deal, milk, promo };
}

/** Seed 002: the customer accepted the 奶粉 quote. */
async function acceptedQuote(team: Team, dealId: string, lines: unknown[]) {
  const q = (await team.repA.post('/api/v1/quotes', { opportunityId: dealId, lines })).body;
  const sent = await team.repA.post(`/api/v1/quotes/${q.id}/send`, { version: q.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return (await team.repA.post(`/api/v1/quotes/${q.id}/accept`, { version: sent.body.version, moveOpportunity: false })).body;
}

const todoOf = async (client: Client, contractId: string) =>
  (await client.get('/api/v1/approvals?box=todo')).body.items.find((i: { link: string }) => i.link === `/contracts/${contractId}`);

async function approve(client: Client, contractId: string, decision: 'approve' | 'reject' = 'approve', comment?: string) {
  const item = await todoOf(client, contractId);
  expect(item, `nothing waits on this approver for ${contractId}`).toBeTruthy();
  const res = await client.post(`/api/v1/approvals/${item.id}/${decision}`, comment ? { comment } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('contracts (Q4, Q5)', () => {
  it('runs seed 002’s story: drafted from the accepted quote, rejected by the project manager, fixed, approved by all, effective and frozen', async () => {
    const { team, deal, milk, promo } = await setup();
    const quote = await acceptedQuote(team, deal.id, [
      { productId: milk, quantity: '1000', discount: '5' },
      { productId: promo, quantity: '1' },
    ]);
    const created = await team.repA.post('/api/v1/contracts', {
      quoteId: quote.id,
      signDate: '2026-12-05',
      paymentTerms: '签约后付 30%，推广结束付清',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = created.body;
    expect(c.number).toMatch(/^HT-\d{4}-\d{2}-\d{4}$/);
    // 报价单同步到合同: lines copied; the amount is their sum.
    expect(c).toMatchObject({ status: 'draft', quoteId: quote.id, opportunityId: deal.id, amount: '164000.00' });
    expect(c.title).toMatch(/ 合同$/);
    expect(c.lines.map((l: { amount: string }) => l.amount)).toEqual(['114000.00', '50000.00']);
    expect(c).not.toHaveProperty('costTotal');

    let sub = await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
    expect(sub.body.status).toBe('in_approval');
    expect((await team.repA.patch(`/api/v1/contracts/${c.id}`, { version: sub.body.version, title: '改名' })).body.error.code).toBe(
      'DOCUMENT_LOCKED',
    );
    await approve(team.eastManager, c.id);
    const rejected = await approve(pm, c.id, 'reject', '推广诉求不能是代替母乳，请改为母乳不足时的营养补充');
    expect(rejected.status).toBe('rejected');
    const draft = (await team.repA.get(`/api/v1/contracts/${c.id}`)).body;
    expect(draft).toMatchObject({ status: 'draft', can: { edit: true } });

    const fixed = await team.repA.patch(`/api/v1/contracts/${c.id}`, {
      version: draft.version,
      notes: '推广定位：母乳不足妈妈的营养补充',
      lines: [
        { productId: milk, quantity: '800', discount: '5' },
        { productId: promo, quantity: '1' },
      ],
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.amount).toBe('141200.00');
    sub = await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: fixed.body.version });
    await approve(team.eastManager, c.id);
    await approve(pm, c.id);
    // Finance and legal together: one is not enough.
    await approve(finance, c.id);
    expect((await team.repA.get(`/api/v1/contracts/${c.id}`)).body.status).toBe('in_approval');
    await approve(legal, c.id);
    const effective = (await team.repA.get(`/api/v1/contracts/${c.id}`)).body;
    expect(effective).toMatchObject({
      status: 'effective',
      amount: '141200.00',
      can: { edit: false, delete: false, amend: true, recordProgress: true },
    });
    // The deal is won at the contract's amount.
    expect((await team.repA.get(`/api/v1/opportunities/${deal.id}`)).body).toMatchObject({ status: 'won', amount: '141200.00' });
  });

  it('refuses every route that would change an effective contract’s amount or lines, and changes nothing', async () => {
    const { team, milk } = await setup();
    const customer = (await team.repA.post('/api/v1/customers', { name: `合同客户${Date.now()}` })).body;
    const c = (await team.repA.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: milk, quantity: '10' }] })).body;
    expect(c.amount).toBe('1200.00');
    await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
    for (const who of [team.eastManager, pm, finance, legal]) await approve(who, c.id);
    const eff = (await team.repA.get(`/api/v1/contracts/${c.id}`)).body;
    expect(eff.status).toBe('effective');

    const patch = await team.repA.patch(`/api/v1/contracts/${c.id}`, { version: eff.version, lines: [{ productId: milk, quantity: '1' }] });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('DOCUMENT_FROZEN');
    expect((await admin.patch(`/api/v1/contracts/${c.id}`, { version: eff.version, wholeDiscount: '50' })).status).toBe(409);
    expect((await admin.delete(`/api/v1/contracts/${c.id}`)).status).toBe(409);
    expect((await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: eff.version })).status).toBe(409);
    // Not even a statement straight at the tables (an import, a bulk job, a slip in new code) gets through.
    await expect(sql`UPDATE contracts SET amount = 1 WHERE id = ${c.id}`.execute(t.db)).rejects.toMatchObject({ code: 'CR001' });
    await expect(sql`UPDATE contract_lines SET quantity = 1 WHERE contract_id = ${c.id}`.execute(t.db)).rejects.toMatchObject({
      code: 'CR001',
    });
    await expect(sql`DELETE FROM contract_lines WHERE contract_id = ${c.id}`.execute(t.db)).rejects.toMatchObject({ code: 'CR001' });
    const after = (await team.repA.get(`/api/v1/contracts/${c.id}`)).body;
    expect(after).toMatchObject({ amount: '1200.00', version: eff.version });
    expect(after.lines).toEqual(eff.lines);
    // Deleting its customer is refused while the contract exists.
    expect((await team.repA.delete(`/api/v1/customers/${customer.id}`)).status).toBe(409);
  });

  it('changes the total only by an approved amendment; both stay readable', async () => {
    const { team, milk, promo } = await setup();
    const customer = (await team.repA.post('/api/v1/customers', { name: `补充协议客户${Date.now()}` })).body;
    const c = (await team.repA.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: milk, quantity: '100' }] })).body;
    await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
    for (const who of [team.eastManager, pm, finance, legal]) await approve(who, c.id);

    const amended = await team.repA.post(`/api/v1/contracts/${c.id}/amendments`, {
      title: '增加一期推广、减少 20 箱',
      reason: '客户追加线下推广',
      lines: [
        { productId: promo, quantity: '1' },
        { productId: milk, quantity: '-20' },
      ],
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    const amendment = amended.body.amendments[0];
    expect(amendment).toMatchObject({ status: 'draft', amountChange: '47600.00' });
    expect(amended.body.amount).toBe('12000.00');
    await team.repA.post(`/api/v1/contracts/${c.id}/amendments/${amendment.id}/submit`, {});
    const item = (await team.eastManager.get('/api/v1/approvals?box=todo')).body.items.find(
      (i: { documentType: string; link: string }) => i.documentType === 'contract_amendment' && i.link === `/contracts/${c.id}`,
    );
    expect(item).toBeTruthy();
    await team.eastManager.post(`/api/v1/approvals/${item.id}/approve`, {});
    for (const who of [pm, finance, legal]) {
      const mine = (await who.get('/api/v1/approvals?box=todo')).body.items.find(
        (i: { documentType: string; link: string }) => i.documentType === 'contract_amendment' && i.link === `/contracts/${c.id}`,
      );
      await who.post(`/api/v1/approvals/${mine.id}/approve`, {});
    }
    const after = (await team.repA.get(`/api/v1/contracts/${c.id}`)).body;
    expect(after.amount).toBe('59600.00');
    expect(after.lines).toHaveLength(1);
    expect(after.amendments[0]).toMatchObject({
      status: 'effective',
      lines: [{ quantity: '1.00' }, { quantity: '-20.00', amount: '-2400.00' }],
    });
    // The cost follows: 100 × 80 + 20,000 − 20 × 80 (the manager may see it).
    expect((await team.eastManager.get(`/api/v1/contracts/${c.id}`)).body).toMatchObject({ costTotal: '26400.00', margin: '33200.00' });
    // Taking quantity away is no work to do: progress weighs the lines that add.
    await team.repA.post(`/api/v1/contracts/${c.id}/lines/${after.lines[0].id}/progress`, { percent: '100', reachedOn: '2026-12-06' });
    await team.repA.post(`/api/v1/contracts/${c.id}/lines/${after.amendments[0].lines[0].id}/progress`, {
      percent: '100',
      reachedOn: '2026-12-06',
    });
    expect((await team.repA.get(`/api/v1/contracts/${c.id}`)).body.progress).toBe('100.0');
  });

  it('records execution progress per line, on the contract and on the customer’s timeline', async () => {
    const { team, milk, promo } = await setup();
    const customer = (await team.repA.post('/api/v1/customers', { name: `进度客户${Date.now()}` })).body;
    const c = (
      await team.repA.post('/api/v1/contracts', {
        customerId: customer.id,
        lines: [
          { productId: milk, quantity: '250' },
          { productId: promo, quantity: '1' },
        ],
      })
    ).body;
    expect(
      (await team.repA.post(`/api/v1/contracts/${c.id}/lines/${c.lines[0].id}/progress`, { percent: '10', reachedOn: '2026-12-01' }))
        .status,
    ).toBe(409);
    await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
    for (const who of [team.eastManager, pm, finance, legal]) await approve(who, c.id);
    const p1 = await team.repA.post(`/api/v1/contracts/${c.id}/lines/${c.lines[1].id}/progress`, {
      percent: '50',
      milestone: '首批门店活动完成',
      reachedOn: '2026-12-06',
    });
    expect(p1.status, JSON.stringify(p1.body)).toBe(200);
    // 30,000 of 80,000 weighs 0; 50,000 at 50 % → 31.3 % all told.
    expect(p1.body.progress).toBe('31.3');
    expect(p1.body.lines[1].progress).toMatchObject({ percent: '50.00', milestone: '首批门店活动完成', reachedOn: '2026-12-06' });
    const timeline = await team.repA.get(`/api/v1/customers/${customer.id}/timeline`);
    const types = timeline.body.items.map((i: { type: string }) => i.type);
    expect(types).toEqual(expect.arrayContaining(['contract', 'contract_progress', 'approval']));
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'contract_progress').title).toContain('首批门店活动完成');
    const bad = await team.repA.post(`/api/v1/contracts/${c.id}/lines/${c.lines[1].id}/progress`, {
      percent: '120',
      reachedOn: '2026-12-06',
    });
    expect(bad.status).toBe(400);
  });

  it('terminates an effective contract only through its own approval', async () => {
    const { team, milk } = await setup();
    const customer = (await team.repA.post('/api/v1/customers', { name: `终止客户${Date.now()}` })).body;
    const c = (await team.repA.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: milk, quantity: '1' }] })).body;
    await team.repA.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
    for (const who of [team.eastManager, pm, finance, legal]) await approve(who, c.id);
    const eff = (await team.repA.get(`/api/v1/contracts/${c.id}`)).body;
    expect((await team.repA.post(`/api/v1/contracts/${c.id}/end`, { version: eff.version, kind: 'terminate' })).status).toBe(400);
    const asked = await team.repA.post(`/api/v1/contracts/${c.id}/end`, {
      version: eff.version,
      kind: 'terminate',
      reason: '客户经营调整，双方协商终止',
    });
    expect(asked.body).toMatchObject({ status: 'effective', endRequest: 'terminate', can: { end: false } });
    for (const who of [team.eastManager, pm, finance, legal]) {
      const mine = (await who.get('/api/v1/approvals?box=todo')).body.items.find(
        (i: { documentType: string; link: string }) => i.documentType === 'contract_end' && i.link === `/contracts/${c.id}`,
      );
      await who.post(`/api/v1/approvals/${mine.id}/approve`, {});
    }
    expect((await team.repA.get(`/api/v1/contracts/${c.id}`)).body).toMatchObject({
      status: 'terminated',
      endReason: '客户经营调整，双方协商终止',
    });
  });

  it('lets an approver outside the rep’s scope open the contract routed to him and nothing else of that customer', async () => {
    const { team, milk } = await setup();
    const customer = (await team.repA.post('/api/v1/customers', { name: `范围客户${Date.now()}` })).body;
    const routed = (await team.repA.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: milk, quantity: '1' }] }))
      .body;
    const other = (await team.repA.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: milk, quantity: '2' }] }))
      .body;
    await team.repA.post(`/api/v1/contracts/${routed.id}/submit`, { version: routed.version });
    await approve(team.eastManager, routed.id);
    // The project manager sits in no department above the rep: his scope does not cover the customer.
    const seen = await pm.get(`/api/v1/contracts/${routed.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toMatchObject({ edit: false, submit: false });
    expect((await pm.get(`/api/v1/contracts/${other.id}`)).status).toBe(404);
    expect((await pm.get(`/api/v1/customers/${customer.id}`)).status).toBe(404);
    // Opening is all: a project manager edits no contract at all.
    expect((await pm.patch(`/api/v1/contracts/${routed.id}`, { version: seen.body.version, title: 'x' })).status).toBe(403);
  });

  it('refuses a quote the customer has not accepted, and a contract without customer or lines', async () => {
    const { team, deal, milk } = await setup();
    const q = (await team.repA.post('/api/v1/quotes', { opportunityId: deal.id, lines: [{ productId: milk, quantity: '1' }] })).body;
    const r1 = await team.repA.post('/api/v1/contracts', { quoteId: q.id });
    expect(r1.status).toBe(400);
    expect(r1.body.error.fields.quoteId).toContain('接受');
    expect(
      Object.keys((await team.repA.post('/api/v1/contracts', { lines: [{ productId: milk, quantity: '1' }] })).body.error.fields),
    ).toEqual(['customerId']);
  });

  it('numbers 20 contracts created at once without a duplicate or a gap', async () => {
    const { team, milk } = await setup();
    const customer = (await team.repA.post('/api/v1/customers', { name: `编号客户${Date.now()}` })).body;
    const made = await Promise.all(
      Array.from({ length: 20 }, () =>
        team.repA.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: milk, quantity: '1' }] }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual(Array(20).fill(201));
    const seq = made.map((r) => Number(r.body.number.split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(seq).size).toBe(20);
    expect(seq[19] - seq[0]).toBe(19);
  });
});
