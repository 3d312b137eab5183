import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredJobs, runJobIfDue } from '../../platform/jobs/scheduler.js';
import { makeAdmin, makeClient, makeCustomer, makeTeam } from '../../test/factories.js';
import { makeProduct } from '../../test/quote-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { DELIVERY_REMINDER_JOB } from './delivery-reminders.js';
import { openOrderExposure } from './order-exposure.js';

let t: TestApp;
let admin: Client;
// The clock travels between days and months here; sessions must outlive the trip.
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

interface Line {
  id: string;
  quantity: string;
  delivered: string;
  undelivered: string;
}

/** A confirmed order of two lines (10 × 12.50 and 3 × 99.99) for a customer of `rep`. */
async function confirmedOrder(rep: Client, dates: [string, string] = ['2026-03-10', '2026-03-12']) {
  const [p1, p2] = [
    await makeProduct(t.db, { listPrice: '12.50', ownerId: admin.userId }),
    await makeProduct(t.db, { listPrice: '99.99', ownerId: admin.userId }),
  ];
  const customer = await makeCustomer(rep);
  const created = await rep.post('/api/v1/orders', {
    customerId: customer.id,
    orderDate: '2026-03-01',
    lines: [
      { productId: p1, quantity: '10', requiredDate: dates[0] },
      { productId: p2, quantity: '3', requiredDate: dates[1] },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const submitted = await rep.post(`/api/v1/orders/${created.body.id}/submit`, { version: created.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { order: submitted.body, customer };
}

const deliver = (c: Client, orderId: string, lines: { orderLineId: string; quantity: string }[], deliveredOn = '2026-03-05') =>
  c.post('/api/v1/deliveries', { orderId, deliveredOn, carrier: '顺丰', trackingNo: 'SF100', lines });

describe('orders (M2): lines, totals and numbers', () => {
  it('creates a draft with exact amounts from the catalogue, a number from the series, and confirms it on submit without a flow', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const product = await makeProduct(t.db, { listPrice: '0.35', ownerId: admin.userId });
    const customer = await makeCustomer(repA);
    const res = await repA.post('/api/v1/orders', {
      customerId: customer.id,
      lines: [
        { productId: product, quantity: '3.33', requiredDate: '2026-03-10' },
        { productId: product, quantity: '1', unitPrice: '0.10', requiredDate: '2026-03-11' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('draft');
    expect(res.body.number).toMatch(/^SO-\d{6}-\d{4}$/);
    // 3.33 × 0.35 = 1.1655 → 1.17; plus 0.10.
    expect(res.body.lines.map((l: { amount: string }) => l.amount)).toEqual(['1.17', '0.10']);
    expect(res.body.total).toBe('1.27');
    expect(res.body.ownerId).toBe(repA.userId);
    const submitted = await repA.post(`/api/v1/orders/${res.body.id}/submit`, { version: res.body.version });
    expect(submitted.body.status).toBe('confirmed');
    expect(submitted.body.confirmedAt).not.toBeNull();
    // Confirmed, the order no longer changes.
    const edit = await repA.patch(`/api/v1/orders/${res.body.id}`, { note: 'x', version: submitted.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('ORDER_STATUS');
  });

  it('refuses a product that does not exist with a field message, not a 500', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(repA);
    const res = await repA.post('/api/v1/orders', {
      customerId: customer.id,
      lines: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: '1', requiredDate: '2026-03-10' }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['lines.0.productId']);
  });
});

describe('orders (M2): deliveries', () => {
  it('follows partial deliveries to 部分发货 and 已发货, refuses over-delivery, and recomputes when a delivery is undone', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order } = await confirmedOrder(repA);
    const [first, second] = order.lines as Line[];

    const part = await deliver(repA, order.id, [{ orderLineId: first.id, quantity: '4' }]);
    expect(part.status, JSON.stringify(part.body)).toBe(201);
    let now = (await repA.get(`/api/v1/orders/${order.id}`)).body;
    expect(now.status).toBe('partially_delivered');
    expect(now.lines.map((l: Line) => [l.delivered, l.undelivered])).toEqual([
      ['4.00', '6.00'],
      ['0.00', '3.00'],
    ]);
    expect([now.quantity, now.delivered, now.undelivered]).toEqual(['13.00', '4.00', '9.00']);

    const over = await deliver(repA, order.id, [{ orderLineId: first.id, quantity: '6.01' }]);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('ORDER_OVER_DELIVERY');
    expect(over.body.error.message).toContain('6.00');
    // Nothing of the refused delivery stays.
    expect((await repA.get(`/api/v1/orders/${order.id}`)).body.deliveries).toHaveLength(1);

    const rest = await deliver(repA, order.id, [
      { orderLineId: first.id, quantity: '6' },
      { orderLineId: second.id, quantity: '3' },
    ]);
    expect(rest.status).toBe(201);
    now = (await repA.get(`/api/v1/orders/${order.id}`)).body;
    expect(now.status).toBe('delivered');
    expect(now.undelivered).toBe('0.00');
    expect(now.can.deliver).toBe(false);
    const more = await deliver(repA, order.id, [{ orderLineId: second.id, quantity: '1' }]);
    expect(more.status).toBe(409);
    expect(more.body.error.code).toBe('ORDER_STATUS');

    const undone = await repA.delete(`/api/v1/deliveries/${rest.body.id}`);
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe('partially_delivered');
    expect(undone.body.lines.map((l: Line) => l.undelivered)).toEqual(['6.00', '3.00']);
    const again = await repA.delete(`/api/v1/deliveries/${part.body.id}`);
    expect(again.body.status).toBe('confirmed');
    expect(again.body.deliveries).toHaveLength(0);
    expect((await repA.delete(`/api/v1/deliveries/${part.body.id}`)).status).toBe(404);
  });

  it('refuses a line of another order and a delivery on a draft', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order } = await confirmedOrder(repA);
    const { order: other } = await confirmedOrder(repA);
    const wrong = await deliver(repA, order.id, [{ orderLineId: other.lines[0].id, quantity: '1' }]);
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields)).toEqual(['lines.0.orderLineId']);

    const customer = await makeCustomer(repA);
    const product = await makeProduct(t.db, { listPrice: '1.00', ownerId: admin.userId });
    const draft = (
      await repA.post('/api/v1/orders', {
        customerId: customer.id,
        lines: [{ productId: product, quantity: '1', requiredDate: '2026-03-10' }],
      })
    ).body;
    const res = await deliver(repA, draft.id, [{ orderLineId: draft.lines[0].id, quantity: '1' }]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ORDER_STATUS');
  });

  it('lets one of two simultaneous deliveries of the last units through', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order } = await confirmedOrder(repA);
    const line = order.lines[1] as Line;
    const results = await Promise.all([
      deliver(repA, order.id, [{ orderLineId: line.id, quantity: '3' }]),
      deliver(repA, order.id, [{ orderLineId: line.id, quantity: '3' }]),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await repA.get(`/api/v1/orders/${order.id}`)).body.lines[1].delivered).toBe('3.00');
  });

  it('counts confirmed and partially delivered orders as open exposure, exactly', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order, customer } = await confirmedOrder(repA);
    expect(order.total).toBe('424.97');
    expect(await openOrderExposure(t.db, customer.id)).toBe('424.97');
    await deliver(repA, order.id, [{ orderLineId: order.lines[0].id, quantity: '10' }]);
    expect(await openOrderExposure(t.db, customer.id)).toBe('424.97');
    await deliver(repA, order.id, [{ orderLineId: order.lines[1].id, quantity: '3' }]);
    expect(await openOrderExposure(t.db, customer.id)).toBe('0.00');
  });

  it('puts orders and deliveries on the customer timeline', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order, customer } = await confirmedOrder(repA);
    await deliver(repA, order.id, [{ orderLineId: order.lines[0].id, quantity: '2' }]);
    const res = await repA.get(`/api/v1/customers/${customer.id}/timeline`);
    expect(res.status).toBe(200);
    const types = res.body.items.map((i: { type: string }) => i.type);
    expect(types).toContain('order');
    expect(types).toContain('delivery');
  });
});

describe('orders (M2): cancelling and editing', () => {
  it('cancels an order nothing was delivered of, which then owes nothing; a partly delivered one cannot be cancelled', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order, customer } = await confirmedOrder(repA);
    const { order: other } = await confirmedOrder(repA);
    await deliver(repA, other.id, [{ orderLineId: other.lines[0].id, quantity: '1' }]);
    const refused = await repA.post(`/api/v1/orders/${other.id}/cancel`, {
      version: (await repA.get(`/api/v1/orders/${other.id}`)).body.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('部分发货');
    const cancelled = await repA.post(`/api/v1/orders/${order.id}/cancel`, { version: order.version });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await openOrderExposure(t.db, customer.id)).toBe('0.00');
    expect((await deliver(repA, order.id, [{ orderLineId: order.lines[0].id, quantity: '1' }])).status).toBe(409);
  });

  it('edits a draft’s lines (kept lines keep their id) and refuses a contract of another customer', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const product = await makeProduct(t.db, { listPrice: '10.00', ownerId: admin.userId });
    const customer = await makeCustomer(repA);
    const draft = (
      await repA.post('/api/v1/orders', {
        customerId: customer.id,
        lines: [
          { productId: product, quantity: '1', requiredDate: '2026-03-10' },
          { productId: product, quantity: '2', requiredDate: '2026-03-11' },
        ],
      })
    ).body;
    const kept = draft.lines[1];
    const edited = await repA.patch(`/api/v1/orders/${draft.id}`, {
      version: draft.version,
      lines: [{ id: kept.id, productId: product, quantity: '5', unitPrice: '9.99', requiredDate: '2026-03-12' }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.lines.map((l: { id: string; amount: string }) => [l.id, l.amount])).toEqual([[kept.id, '49.95']]);
    expect(edited.body.total).toBe('49.95');
    const foreign = await repA.patch(`/api/v1/orders/${draft.id}`, {
      version: edited.body.version,
      contractId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.status).toBe(400);
    expect(Object.keys(foreign.body.error.fields)).toEqual(['contractId']);
    expect((await repA.delete(`/api/v1/orders/${draft.id}`)).status).toBe(200);
    expect((await repA.get(`/api/v1/orders/${draft.id}`)).status).toBe(404);
  });
});

describe('orders (M2): scope', () => {
  it('hides another department’s orders from a rep, in the list, the detail, the reminders and the export', async () => {
    const { repA, repSouth, eastManager } = await makeTeam(t.app, t.db);
    t.clock.set('2026-03-10T02:00:00Z');
    const { order } = await confirmedOrder(repA);
    expect((await repSouth.get(`/api/v1/orders/${order.id}`)).status).toBe(404);
    expect((await repSouth.get('/api/v1/orders')).body.items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    expect((await repSouth.get('/api/v1/deliveries/due?window=today')).body.items).toEqual([]);
    expect((await deliver(repSouth, order.id, [{ orderLineId: order.lines[0].id, quantity: '1' }])).status).toBe(404);
    const mine = await deliver(repA, order.id, [{ orderLineId: order.lines[0].id, quantity: '1' }]);
    expect((await repSouth.delete(`/api/v1/deliveries/${mine.body.id}`)).status).toBe(404);
    // The manager of the east region sees his rep's order, in the detail and the export, but not the south's.
    const { order: south } = await confirmedOrder(repSouth);
    expect((await eastManager.get(`/api/v1/orders/${order.id}`)).status).toBe(200);
    const csv = await eastManager.get('/api/v1/exports/orders?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(order.number);
    expect(String(csv.body)).not.toContain(south.number);
    const list = (await repA.get('/api/v1/orders')).body;
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(list.amountTotal).toBe('424.97');
  });
});

describe('orders (M2): delivery reminders', () => {
  it('sorts lines into 已逾期 / 今天 / 明天 / 未来一周 by the Shanghai date, at the day boundary', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const { order } = await confirmedOrder(repA, ['2026-03-10', '2026-03-16']);
    const windows = async () => {
      const out: Record<string, string[]> = {};
      for (const w of ['overdue', 'today', 'tomorrow', 'week']) {
        const res = await repA.get(`/api/v1/deliveries/due?window=${w}`);
        expect(res.status).toBe(200);
        out[w] = res.body.items.map((i: { requiredDate: string }) => i.requiredDate);
      }
      return out;
    };
    t.clock.set('2026-03-09T15:59:59Z'); // 23:59:59 on 9 March in Shanghai
    expect(await windows()).toEqual({ overdue: [], today: [], tomorrow: ['2026-03-10'], week: ['2026-03-10'] });
    t.clock.set('2026-03-09T16:00:00Z'); // 00:00 on 10 March in Shanghai
    expect(await windows()).toEqual({ overdue: [], today: ['2026-03-10'], tomorrow: [], week: ['2026-03-10', '2026-03-16'] });
    t.clock.set('2026-03-10T16:00:00Z'); // 11 March: the first line is a day late
    const overdue = (await repA.get('/api/v1/deliveries/due?window=overdue')).body;
    expect(overdue.items.map((i: { daysLate: number; undelivered: string }) => [i.daysLate, i.undelivered])).toEqual([[1, '10.00']]);
    expect(overdue.counts).toEqual({ overdue: 1, today: 0, tomorrow: 0, week: 1 });
    // Delivered in full, a line leaves the reminders.
    await deliver(repA, order.id, [{ orderLineId: order.lines[0].id, quantity: '10' }]);
    expect((await repA.get('/api/v1/deliveries/due?window=overdue')).body.items).toEqual([]);
  });

  it('runs once across servers each morning and notifies each owner of his deliveries due today and tomorrow', async () => {
    const { repA, repB, repSouth } = await makeTeam(t.app, t.db);
    t.clock.set('2026-04-01T00:00:00Z'); // 08:00 on 1 April in Shanghai
    await confirmedOrder(repA, ['2026-04-01', '2026-04-02']);
    await confirmedOrder(repB, ['2026-04-02', '2026-04-20']);
    await confirmedOrder(repSouth, ['2026-04-20', '2026-04-25']);
    const job = registeredJobs().find((j) => j.name === DELIVERY_REMINDER_JOB);
    if (!job) throw new Error('job not registered');
    const notes = async (c: Client) =>
      t.db
        .selectFrom('notifications')
        .select(['title', 'link'])
        .where('user_id', '=', c.userId)
        .where('kind', '=', 'delivery_due')
        .execute();

    // Two servers tick at once: one runs it.
    const results = await Promise.all([runJobIfDue(t.app.ctx, job), runJobIfDue(t.app.ctx, job)]);
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect((await notes(repA)).map((n) => n.title)).toEqual(['发货提醒：今天 1 项、明天 1 项待发货']);
    expect((await notes(repB)).map((n) => n.title)).toEqual(['发货提醒：今天 0 项、明天 1 项待发货']);
    expect(await notes(repSouth)).toEqual([]);
    // Again the same day: no second reminder.
    await runJobIfDue(t.app.ctx, job, { force: true });
    expect(await notes(repA)).toHaveLength(1);
    expect(await runJobIfDue(t.app.ctx, job)).toBe('skipped');
  });

  it('sends nothing before the morning', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    t.clock.set('2026-05-01T18:00:00Z'); // 02:00 on 2 May in Shanghai
    await confirmedOrder(repA, ['2026-05-02', '2026-05-02']);
    const job = registeredJobs().find((j) => j.name === DELIVERY_REMINDER_JOB);
    if (!job) throw new Error('job not registered');
    await runJobIfDue(t.app.ctx, job, { force: true });
    expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', repA.userId).execute()).toEqual([]);
  });
});

describe('orders (M2): approval when a flow is set up', () => {
  it('routes a submitted order to the flow and confirms it once approved', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const finance = await makeClient(t.app, t.db, { role: 'finance' });
    const saved = await admin.request('PUT', '/api/v1/approval-flows/order', {
      definition: {
        steps: [{ name: '财务审核', mode: 'any', approvers: [{ kind: 'role', roleKey: 'finance' }] }],
        fallbackUserId: admin.userId,
        allowSelfApproval: false,
        restartFrom: 'first_step',
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { order } = await confirmedOrder(repA);
    expect(order.status).toBe('in_approval');
    expect((await repA.patch(`/api/v1/orders/${order.id}`, { note: 'x', version: order.version })).body.error.code).toBe('DOCUMENT_LOCKED');
    const request = (await finance.get(`/api/v1/approvals/by-document?documentType=order&documentId=${order.id}`)).body.request;
    expect((await finance.post(`/api/v1/approvals/${request.id}/approve`, {})).status).toBe(200);
    const after = (await repA.get(`/api/v1/orders/${order.id}`)).body;
    expect(after.status).toBe('confirmed');
    expect(after.confirmedAt).not.toBeNull();

    // Rejected, an order goes back to draft.
    const { order: second } = await confirmedOrder(repA);
    const secondRequest = (await finance.get(`/api/v1/approvals/by-document?documentType=order&documentId=${second.id}`)).body.request;
    expect((await finance.post(`/api/v1/approvals/${secondRequest.id}/reject`, { comment: '价格太低' })).status).toBe(200);
    expect((await repA.get(`/api/v1/orders/${second.id}`)).body.status).toBe('draft');
  });
});
