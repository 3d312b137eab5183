import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeTeam } from '../../test/factories.js';
import { makeProduct } from '../../test/quote-factories.js';
import { effectiveContract, pay, planInThirds, planOf } from '../../test/receivable-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

// Flows are saved for the whole (test) company and never removed: this file has its own database, so
// the other receivables tests keep running without a `payment` flow.
let t: TestApp;
let admin: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

const financeStep = () => ({
  steps: [{ name: '财务确认', mode: 'any', approvers: [{ kind: 'role', roleKey: 'finance' }] }],
  fallbackUserId: admin.userId,
});

async function saveFlow(documentType: string) {
  const res = await admin.request('PUT', `/api/v1/approval-flows/${documentType}`, { definition: financeStep() });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The approval waiting on `who` for a document of `type` that opens `link`. */
async function todo(who: Client, type: string, link: string) {
  const items = (await who.get('/api/v1/approvals?box=todo&pageSize=100')).body.items;
  return items.find((i: { documentType: string; link: string }) => i.documentType === type && i.link === link);
}

describe('payments (M1) in the admin’s approval flow', () => {
  it('without a flow finance confirms directly; with one, a rep’s expected payment is confirmed by the flow’s approval', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '120.00');
    await planInThirds(repA, c.id); // 40 × 3
    const link = `/contracts/${c.id}`;

    // No flow yet: expected, nothing in anyone's inbox; submitting says there is no flow; finance confirms.
    const direct = await pay(repA, c.id, '10.00');
    expect(direct).toMatchObject({ status: 'expected', approvalRequestId: null });
    const noFlow = await repA.post(`/api/v1/payments/${direct.id}/submit`, {});
    expect(noFlow.status).toBe(422);
    expect(noFlow.body.error.code).toBe('APPROVAL_NO_FLOW');
    expect(await todo(finance, 'payment', link)).toBeUndefined();
    expect((await finance.post(`/api/v1/payments/${direct.id}/confirm`, {})).body.status).toBe('confirmed');

    await saveFlow('payment');

    // With the flow: in approval, locked, decided only in the flow.
    const flowed = await pay(repA, c.id, '30.00');
    expect(flowed.status).toBe('in_approval');
    expect(flowed.approvalRequestId).toBeTruthy();
    const locked = await repA.patch(`/api/v1/payments/${flowed.id}`, { version: flowed.version, note: '改' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('DOCUMENT_LOCKED');
    expect((await repA.delete(`/api/v1/payments/${flowed.id}`)).body.error.code).toBe('DOCUMENT_LOCKED');
    expect((await finance.post(`/api/v1/payments/${flowed.id}/confirm`, {})).body.error.code).toBe('PAYMENT_IN_FLOW');
    expect((await finance.post(`/api/v1/payments/${flowed.id}/reject`, { reason: '否' })).body.error.code).toBe('PAYMENT_IN_FLOW');
    // It reserves its instalments meanwhile, but is not paid.
    expect((await planOf(repA, c.id)).instalments.map((i) => [i.allocated, i.paid])).toEqual([
      ['40.00', '10.00'],
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    const item = await todo(finance, 'payment', link);
    expect(item).toMatchObject({ id: flowed.approvalRequestId, amount: '30.00' });
    const approved = await finance.post(`/api/v1/approvals/${item.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const confirmed = (await repA.get(`/api/v1/payments/${flowed.id}`)).body;
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: finance.userId });
    expect((await planOf(repA, c.id)).instalments.map((i) => i.paid)).toEqual(['40.00', '0.00', '0.00']);

    // Rejected in the flow: the comment is the reason, and the allocations are released.
    const doubtful = await pay(repA, c.id, '40.00');
    expect(doubtful.status).toBe('in_approval');
    const rejectItem = await todo(finance, 'payment', link);
    expect((await finance.post(`/api/v1/approvals/${rejectItem.id}/reject`, { comment: '银行未到账' })).status).toBe(200);
    expect((await repA.get(`/api/v1/payments/${doubtful.id}`)).body).toMatchObject({
      status: 'rejected',
      rejectReason: '银行未到账',
      rejectedBy: finance.userId,
      allocations: [],
    });
    expect((await planOf(repA, c.id)).instalments.map((i) => i.allocated)).toEqual(['40.00', '0.00', '0.00']);

    // Withdrawn by the rep: back to expected, correctable, and submitted again.
    const third = await pay(repA, c.id, '40.00');
    const withdrawn = await repA.post(`/api/v1/approvals/${third.approvalRequestId}/withdraw`, {});
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const back = (await repA.get(`/api/v1/payments/${third.id}`)).body;
    expect(back.status).toBe('expected');
    const fixed = await repA.patch(`/api/v1/payments/${third.id}`, { version: back.version, amount: '35.00' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const again = await repA.post(`/api/v1/payments/${third.id}/submit`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.status).toBe('in_approval');
    expect(again.body.approvalRequestId).not.toBe(third.approvalRequestId);
    await finance.post(`/api/v1/approvals/${again.body.approvalRequestId}/approve`, {});
    expect((await repA.get(`/api/v1/payments/${third.id}`)).body.status).toBe('confirmed');

    // Finance's own payments need no approval, flow or not.
    const own = await pay(finance, c.id, '5.00');
    expect(own).toMatchObject({ status: 'confirmed', approvalRequestId: null });
    const row = (await repA.get('/api/v1/receivables/unpaid?pageSize=200')).body.items.find(
      (i: { contractId: string }) => i.contractId === c.id,
    );
    expect(row).toMatchObject({ paid: '80.00', unpaid: '40.00' });
  });
});

describe('payment plans (M1) follow amendments', () => {
  it('adds an increase to the last open instalment, takes a decrease from the last ones, flags what cannot be taken', async () => {
    await saveFlow('contract_amendment');
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '300.00');
    await planInThirds(repA, c.id); // 100 × 3, due 31 Jan, 28 Feb, 31 Mar
    await pay(finance, c.id, '150.00'); // 100 on the first, 50 on the second
    const extra = await makeProduct(t.db, { listPrice: '60.00', ownerId: admin.userId });

    const amend = async (quantity: string) => {
      const created = await repA.post(`/api/v1/contracts/${c.id}/amendments`, {
        title: `补充协议 ${quantity}`,
        reason: '客户调整数量',
        lines: [{ productId: extra, quantity }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const amendment = created.body.amendments.at(-1);
      expect((await repA.post(`/api/v1/contracts/${c.id}/amendments/${amendment.id}/submit`, {})).status).toBe(200);
      const item = await todo(finance, 'contract_amendment', `/contracts/${c.id}`);
      expect(item, 'the amendment waits on finance').toBeTruthy();
      const res = await finance.post(`/api/v1/approvals/${item.id}/approve`, {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };

    expect(await planOf(repA, c.id)).toMatchObject({ contractAmount: '300.00', planTotal: '300.00', balanced: true, status: 'balanced' });
    // +60: the last instalment still has room for money, so it takes the difference.
    await amend('1');
    let plan = await planOf(repA, c.id);
    expect(plan).toMatchObject({ contractAmount: '360.00', planTotal: '360.00', balanced: true, difference: '0.00' });
    expect(plan.instalments.map((i) => i.amount)).toEqual(['100.00', '100.00', '160.00']);

    // −120: taken from the last instalments first, never below what is allocated.
    await amend('-2');
    plan = await planOf(repA, c.id);
    expect(plan).toMatchObject({ contractAmount: '240.00', planTotal: '240.00', balanced: true });
    expect(plan.instalments.map((i) => i.amount)).toEqual(['100.00', '100.00', '40.00']);

    // −60 more: the third goes (nothing allocated to it) and the second gives up what is not allocated.
    await amend('-1');
    plan = await planOf(repA, c.id);
    expect(plan).toMatchObject({ contractAmount: '180.00', planTotal: '180.00', balanced: true });
    expect(plan.instalments.map((i) => [i.amount, i.allocated])).toEqual([
      ['100.00', '100.00'],
      ['80.00', '50.00'],
    ]);
    expect(plan.instalments.map((i) => (i as unknown as { position: number }).position)).toEqual([1, 2]);

    // −60 again would leave 120 against 150 already received: impossible, the plan needs attention.
    await amend('-1');
    plan = await planOf(repA, c.id);
    expect(plan).toMatchObject({
      contractAmount: '120.00',
      planTotal: '180.00',
      balanced: false,
      status: 'needs_attention',
      difference: '-60.00',
    });
    expect(plan.instalments.map((i) => i.amount)).toEqual(['100.00', '80.00']);
  });

  it('appends a new instalment when the last one is fully allocated', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '100.00');
    await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, { instalments: [{ dueDate: '2026-01-31', amount: '100.00' }] });
    await pay(finance, c.id, '100.00');
    const extra = await makeProduct(t.db, { listPrice: '25.50', ownerId: admin.userId });
    const before = t.clock.now();
    t.clock.set('2026-03-10T04:00:00Z');
    try {
      const created = await repA.post(`/api/v1/contracts/${c.id}/amendments`, {
        title: '追加',
        reason: '追加服务',
        lines: [{ productId: extra, quantity: '1' }],
      });
      const amendment = created.body.amendments.at(-1);
      await repA.post(`/api/v1/contracts/${c.id}/amendments/${amendment.id}/submit`, {});
      const item = await todo(finance, 'contract_amendment', `/contracts/${c.id}`);
      await finance.post(`/api/v1/approvals/${item.id}/approve`, {});
    } finally {
      t.clock.set(before);
    }
    const plan = await planOf(repA, c.id);
    expect(plan).toMatchObject({ contractAmount: '125.50', planTotal: '125.50', balanced: true });
    // Due a month after the last one (28 Feb), but not in the past: the amendment's day in Shanghai.
    expect(plan.instalments.map((i) => [i.dueDate, i.amount, i.paid])).toEqual([
      ['2026-01-31', '100.00', '100.00'],
      ['2026-03-10', '25.50', '0.00'],
    ]);
    // Back on the unpaid list for the new money.
    const row = (await repA.get('/api/v1/receivables/unpaid?pageSize=200')).body.items.find(
      (i: { contractId: string }) => i.contractId === c.id,
    );
    expect(row).toMatchObject({ amount: '125.50', paid: '100.00', unpaid: '25.50', nextDue: { position: 2, unpaid: '25.50' } });
  });
});
