import { invoiceTax } from '@contracts/invoices.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeClient, makeTeam, uniq } from '../../test/factories.js';
import { effectiveContract } from '../../test/receivable-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

const invoiceNumber = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

async function invoice(contractId: string, amount: string, extra: Record<string, unknown> = {}) {
  return finance.post('/api/v1/invoices', {
    contractId,
    number: invoiceNumber(),
    issuedOn: '2026-02-10',
    amount,
    type: 'vat_special',
    taxRate: '13',
    ...extra,
  });
}

describe('invoices (M1)', () => {
  it('computes the tax in a tax-included amount exactly, half up to the fen', () => {
    expect(invoiceTax('113.00', '13')).toBe('13.00');
    expect(invoiceTax('100.00', '6')).toBe('5.66');
    expect(invoiceTax('100.00', '13.00')).toBe('11.50');
    expect(invoiceTax('0.01', '13')).toBe('0.00');
    expect(invoiceTax('1000000000.00', '9')).toBe('82568807.34');
    expect(invoiceTax('50.00', '0')).toBe('0.00');
  });

  it('records invoices against an effective contract, never beyond its amount (409 naming the figures)', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '1130.00');
    const first = await invoice(c.id, '565.00', { note: '首期' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      contractId: c.id,
      customerId: c.customerId,
      amount: '565.00',
      type: 'vat_special',
      taxRate: '13.00',
      taxAmount: '65.00',
      amountExcludingTax: '500.00',
      note: '首期',
      ownerId: repA.userId,
    });
    // A tax as printed on the invoice is kept (never more than the amount).
    const printed = await invoice(c.id, '100.00', { type: 'vat_normal', taxRate: '13', taxAmount: '11.51' });
    expect(printed.body).toMatchObject({ taxAmount: '11.51', amountExcludingTax: '88.49', type: 'vat_normal' });
    expect((await invoice(c.id, '10.00', { taxAmount: '10.01' })).status).toBe(400);

    const beyond = await invoice(c.id, '465.01');
    expect(beyond.status).toBe(409);
    expect(beyond.body.error.code).toBe('INVOICE_OVER_AMOUNT');
    for (const figure of ['465.01', '465.00', '1130.00', '665.00']) expect(beyond.body.error.message).toContain(figure);
    const en = await finance.request(
      'POST',
      '/api/v1/invoices',
      { contractId: c.id, number: invoiceNumber(), issuedOn: '2026-02-10', amount: '500', type: 'vat_normal', taxRate: '13' },
      { 'x-locale': 'en' },
    );
    expect(en.body.error.message).toBe('The invoice of 500.00 is more than the 465.00 left to invoice (contract 1130.00, invoiced 665.00)');
    expect((await invoice(c.id, '465.00')).status).toBe(201);

    // Correcting an invoice upwards is held to the same bound; downwards is fine.
    const up = await finance.patch(`/api/v1/invoices/${printed.body.id}`, { version: printed.body.version, amount: '100.01' });
    expect(up.status).toBe(409);
    expect(up.body.error.code).toBe('INVOICE_OVER_AMOUNT');
    const down = await finance.patch(`/api/v1/invoices/${printed.body.id}`, { version: printed.body.version, amount: '90.00' });
    expect(down.status, JSON.stringify(down.body)).toBe(200);
    // A new amount without a tax recomputes it at the invoice's rate.
    expect(down.body).toMatchObject({ amount: '90.00', taxAmount: '10.35', version: printed.body.version + 1 });
    const history = await historyRows(t.db, 'invoice', printed.body.id);
    expect(history.some((h) => h.field === 'amount')).toBe(true);
  });

  it('keeps invoice numbers unique among live invoices; a voided one frees its number and comes back only if it fits', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '300.00');
    const number = invoiceNumber();
    const a = await invoice(c.id, '200.00', { number });
    expect(a.status).toBe(201);
    const again = await invoice(c.id, '50.00', { number });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE');
    expect(again.body.error.message).toContain(number);

    // A rep sees his contract's invoices but does not record or void them.
    expect((await repA.get(`/api/v1/invoices?contractId=${c.id}`)).body.total).toBe(1);
    expect(
      (
        await repA.post('/api/v1/invoices', {
          contractId: c.id,
          number: invoiceNumber(),
          issuedOn: '2026-02-10',
          amount: '1',
          type: 'vat_normal',
          taxRate: '6',
        })
      ).status,
    ).toBe(403);
    expect((await repA.delete(`/api/v1/invoices/${a.body.id}`)).status).toBe(403);

    // Voided into the recycle bin: the contract may be invoiced again, under the same number.
    expect((await finance.delete(`/api/v1/invoices/${a.body.id}`)).status).toBe(200);
    const uninvoiced = async () =>
      (await finance.get('/api/v1/receivables/uninvoiced?pageSize=200')).body.items.find(
        (i: { contractId: string }) => i.contractId === c.id,
      );
    expect(await uninvoiced()).toMatchObject({ invoiced: '0.00', remaining: '300.00' });
    const replacement = await invoice(c.id, '250.00', { number });
    expect(replacement.status, JSON.stringify(replacement.body)).toBe(201);
    // The voided one cannot come back: its number is taken again…
    const restore = await finance.post(`/api/v1/recycle-bin/invoice/${a.body.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('DUPLICATE');
    // …and once the number is free, the contract amount still holds it back (the totals trigger's word).
    await finance.patch(`/api/v1/invoices/${replacement.body.id}`, { version: replacement.body.version, number: invoiceNumber() });
    const beyond = await finance.post(`/api/v1/recycle-bin/invoice/${a.body.id}/restore`);
    expect(beyond.status).toBe(409);
    expect(beyond.body.error).toMatchObject({ code: 'INVOICE_OVER_CONTRACT', message: '开票合计会超过合同金额，不能保存' });
    expect(await uninvoiced()).toMatchObject({ invoiced: '250.00', remaining: '50.00' });
  });

  it('refuses invoices on a contract that is not effective, and for a contract out of scope', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '100.00');
    await t.db.updateTable('contracts').set({ status: 'draft' }).where('id', '=', c.id).execute();
    const draft = await invoice(c.id, '10.00');
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('CONTRACT_STATUS');
    const theirs = await effectiveContract(t.db, admin.userId, repB, '100.00');
    const other = await repA.get(`/api/v1/invoices?contractId=${theirs.id}`);
    expect(other.body.total).toBe(0);
  });
});

describe('receivables scope (M1)', () => {
  it('lets only one of two invoices at once take the same amount (the contract row is locked)', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '100.00');
    const statuses = (await Promise.all([invoice(c.id, '60.00'), invoice(c.id, '60.00')])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
  });

  it('keeps another department’s payments and invoices out of a rep’s and a manager’s sight', async () => {
    const { repA, repSouth, eastManager, southManager, director } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '100.00');
    await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, { instalments: [{ dueDate: '2026-03-31', amount: '100.00' }] });
    const p = await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '40.00', method: 'cash' });
    const i = await invoice(c.id, '40.00');
    expect([p.status, i.status]).toEqual([201, 201]);
    // Recorded by finance, owned by the contract's rep and department.
    expect(p.body).toMatchObject({ ownerId: repA.userId });
    expect(i.body).toMatchObject({ ownerId: repA.userId });

    const sees = async (who: Client) => ({
      payments: (await who.get(`/api/v1/payments?contractId=${c.id}`)).body.total,
      invoices: (await who.get(`/api/v1/invoices?customerId=${c.customerId}`)).body.total,
      payment: (await who.get(`/api/v1/payments/${p.body.id}`)).status,
      invoice: (await who.get(`/api/v1/invoices/${i.body.id}`)).status,
      unpaid: (await who.get('/api/v1/receivables/unpaid?pageSize=200')).body.items.some(
        (r: { contractId: string }) => r.contractId === c.id,
      ),
    });
    expect(await sees(repA)).toEqual({ payments: 1, invoices: 1, payment: 200, invoice: 200, unpaid: true });
    expect(await sees(eastManager)).toEqual({ payments: 1, invoices: 1, payment: 200, invoice: 200, unpaid: true });
    expect(await sees(director)).toEqual({ payments: 1, invoices: 1, payment: 200, invoice: 200, unpaid: true });
    expect(await sees(repSouth)).toEqual({ payments: 0, invoices: 0, payment: 404, invoice: 404, unpaid: false });
    expect(await sees(southManager)).toEqual({ payments: 0, invoices: 0, payment: 404, invoice: 404, unpaid: false });
    // Nor may he pay or invoice against it (404: he does not know it exists).
    const paying = await repSouth.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '1.00', method: 'cash' });
    expect(paying.status).toBe(404);
  });
});

describe('uninvoiced contracts (M1, seed 002)', () => {
  it('lists effective contracts not fully invoiced by sign date with amount, invoiced and remaining; scoped and paged', async () => {
    const { repA, repSouth, eastManager, departments } = await makeTeam(t.app, t.db);
    const customer = (await repA.post('/api/v1/customers', { name: uniq('开票客户') })).body.id;
    // Signed in 2001, so they come first on the company-wide list whatever else the file made.
    const late = await effectiveContract(t.db, admin.userId, repA, '300.00', { signDate: '2001-03-01', customerId: customer });
    const early = await effectiveContract(t.db, admin.userId, repA, '100.00', { signDate: '2001-01-01', customerId: customer });
    const full = await effectiveContract(t.db, admin.userId, repA, '50.00', { signDate: '2001-02-01', customerId: customer });
    const middle = await effectiveContract(t.db, admin.userId, repA, '200.00', { signDate: '2001-02-15', customerId: customer });
    const theirs = await effectiveContract(t.db, admin.userId, repSouth, '70.00', { signDate: '2000-12-31' });
    const draft = await effectiveContract(t.db, admin.userId, repA, '80.00', { signDate: '2001-01-05', customerId: customer });
    await t.db.updateTable('contracts').set({ status: 'draft' }).where('id', '=', draft.id).execute();
    expect((await invoice(full.id, '50.00')).status).toBe(201);
    expect((await invoice(middle.id, '120.50')).status).toBe(201);

    const mine = await repA.get('/api/v1/receivables/uninvoiced?pageSize=10');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(3);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ contractId: early.id, signDate: '2001-01-01', amount: '100.00', invoiced: '0.00', remaining: '100.00' }),
      expect.objectContaining({ contractId: middle.id, signDate: '2001-02-15', amount: '200.00', invoiced: '120.50', remaining: '79.50' }),
      expect.objectContaining({ contractId: late.id, signDate: '2001-03-01', amount: '300.00', invoiced: '0.00', remaining: '300.00' }),
    ]);
    expect(mine.body.items[0]).toMatchObject({ customerId: customer, ownerId: repA.userId });
    const second = await repA.get('/api/v1/receivables/uninvoiced?pageSize=2&page=2');
    expect(second.body).toMatchObject({ total: 3, page: 2, items: [expect.objectContaining({ contractId: late.id })] });
    const beyond = await repA.get('/api/v1/receivables/uninvoiced?pageSize=2&page=3');
    expect(beyond.body).toMatchObject({ total: 3, items: [] });

    // A rep of another department sees only his; repA's manager sees repA's; finance sees all.
    expect(
      (await repSouth.get('/api/v1/receivables/uninvoiced?pageSize=200')).body.items.map((i: { contractId: string }) => i.contractId),
    ).toEqual([theirs.id]);
    expect(
      (await eastManager.get('/api/v1/receivables/uninvoiced?pageSize=200')).body.items.map((i: { contractId: string }) => i.contractId),
    ).toEqual([early.id, middle.id, late.id]);
    const all = (await finance.get('/api/v1/receivables/uninvoiced?pageSize=200')).body;
    const ids = all.items.map((i: { contractId: string }) => i.contractId);
    expect(ids.slice(0, 4)).toEqual([theirs.id, early.id, middle.id, late.id]);
    expect(ids).not.toContain(full.id);
    expect(ids).not.toContain(draft.id);
    // The total comes from the per-owner counts: it must match the rows.
    const counted = await t.db
      .selectFrom('contract_receipts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('live', '=', true)
      .where((eb) => eb('invoiced', '<', eb.ref('amount')))
      .executeTakeFirstOrThrow();
    expect(all.total).toBe(Number(counted.n));

    // A transfer moves the contract (and its place on the lists) to the new owner.
    await t.db
      .updateTable('contracts')
      .set({ owner_id: repSouth.userId, owner_dept_id: departments.south })
      .where('id', '=', late.id)
      .execute();
    expect((await repA.get('/api/v1/receivables/uninvoiced')).body.total).toBe(2);
    expect((await eastManager.get('/api/v1/receivables/uninvoiced')).body.total).toBe(2);
    expect((await repSouth.get('/api/v1/receivables/uninvoiced?pageSize=200')).body).toMatchObject({
      total: 2,
      items: [expect.objectContaining({ contractId: theirs.id }), expect.objectContaining({ contractId: late.id })],
    });
  });
});
