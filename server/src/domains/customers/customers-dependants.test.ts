import { readFileSync } from 'node:fs';
import type { Board, Pipeline } from '@contracts/opportunities.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeContact, makeCustomer, makeTeam, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let standard: Pipeline;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  const admin = await makeAdmin(t.app, t.db);
  standard = (await admin.get('/api/v1/pipelines')).body.items.find((p: Pipeline) => p.key === 'standard');
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
// Restoring touches updated_at, which orders lists and fills the export's last column: compare sets.
const idSet = (res: { body: { items: { id: string }[] } }) => ids(res).sort();
const csvSet = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((line) => line.replace(/,[^,]*$/, ''))
    .sort();
const quote = () => {
  const s = standard.stages.find((x) => x.labels['zh-CN'] === '报价');
  if (!s) throw new Error('no stage 报价');
  return s.id;
};

/** A customer with one of everything that hangs off it, all named with one searchable token. */
async function customerWithDependants(rep: Client, amount: string) {
  const token = uniq('zq');
  const customer = await makeCustomer(rep, { name: `${token}客户` });
  const contact = await makeContact(rep, customer.id, { name: `${token}联系人` });
  const deal = (
    await rep.post('/api/v1/opportunities', {
      customerId: customer.id,
      name: `${token}商机`,
      amount,
      stageId: quote(),
      expectedCloseDate: '2027-03-18',
    })
  ).body;
  const followUp = (
    await rep.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'call',
      content: `${token}跟进`,
      occurredAt: '2027-03-01T02:00:00Z',
      nextFollowUpDate: '2027-03-20',
    })
  ).body;
  const task = (await rep.post('/api/v1/tasks', { title: `${token}任务`, customerId: customer.id, dueAt: '2027-03-21T02:00:00Z' })).body;
  const plan = (await rep.post('/api/v1/visit-plans', { planDate: '2027-03-22', customerId: customer.id, purpose: `${token}拜访` })).body;
  for (const r of [deal, followUp, task, plan]) expect(r.id).toEqual(expect.any(String));
  return { token, customer, contact, deal, followUp, task, plan };
}

/** Everything a user sees of deals and their customer-bound work, across lists, board, calendar, search, reports and exports. */
async function everywhere(team: Team, token: string) {
  const rep = team.repA;
  const board: Board = (await rep.get('/api/v1/opportunities/board')).body;
  const column = board.columns.find((c) => c.stage.id === quote());
  const calendar = await rep.get('/api/v1/calendar?from=2027-03-01&to=2027-03-31');
  const totals = (await team.eastManager.get(`/api/v1/reports/pipeline-totals?ownerId=${rep.userId}&pipelineId=${standard.id}`)).body;
  const funnel = (await team.eastManager.get(`/api/v1/reports/funnel?pipelineId=${standard.id}&departmentId=${team.departments.shanghai}`))
    .body;
  const csv = async (url: string) => csvSet(String((await team.eastManager.get(url)).body));
  return {
    customers: idSet(await rep.get('/api/v1/customers?pageSize=100')),
    contacts: idSet(await rep.get('/api/v1/contacts?pageSize=100')),
    deals: idSet(await rep.get('/api/v1/opportunities?pageSize=100')),
    followUps: idSet(await rep.get('/api/v1/follow-ups?pageSize=100')),
    tasks: idSet(await rep.get('/api/v1/tasks?pageSize=100')),
    board: { count: column?.count, amount: column?.amount, cards: column?.cards.map((c) => c.id).sort() },
    calendar: calendar.body.items.map((e: { kind: string; id: string }) => `${e.kind}:${e.id}`).sort(),
    search: JSON.stringify((await rep.get(`/api/v1/search?q=${token}&limit=10`)).body),
    totals: { open: totals.open, quote: totals.stages.find((s: { stageId: string }) => s.stageId === quote()) },
    funnel: funnel.team,
    exported: {
      contacts: await csv('/api/v1/exports/contacts?format=csv'),
      deals: await csv('/api/v1/exports/opportunities?format=csv'),
    },
  };
}

describe('deleting a customer takes what hangs off it into the recycle bin (P4)', () => {
  it('tells the delete confirmation what goes with it', async () => {
    const team = await makeTeam(t.app, t.db);
    const { customer } = await customerWithDependants(team.repA, '1000');
    await makeContact(team.repA, customer.id);
    const res = await team.repA.get(`/api/v1/customers/${customer.id}/dependants`);
    expect(res.status).toBe(200);
    expect(res.body.cascade).toEqual(
      expect.arrayContaining([
        { entity: 'contact', label: '联系人', count: 2 },
        { entity: 'opportunity', label: '商机', count: 1 },
        { entity: 'follow_up', label: '跟进记录', count: 1 },
        { entity: 'task', label: '任务', count: 1 },
        { entity: 'visit_plan', label: '拜访计划', count: 1 },
      ]),
    );
    expect(res.body.cascadeText).toContain('2 位联系人');
    expect(res.body.cascadeText).toContain('1 条跟进记录');
    expect(res.body).toMatchObject({ restrict: [], restrictMessage: null });
    const en = await team.repA.request('GET', `/api/v1/customers/${customer.id}/dependants`, undefined, { 'x-locale': 'en' });
    expect(en.body.cascadeText).toContain('2 contacts');
    expect(en.body.cascadeText).toContain('1 opportunity');
    expect((await team.repB.get(`/api/v1/customers/${customer.id}/dependants`)).status).toBe(404);
  });

  it('removes its contacts, deals, follow-ups, tasks and visit plans from every list, the board and its totals, the calendar, search, reports and exports; restore brings back exactly those', async () => {
    const team = await makeTeam(t.app, t.db);
    const kept = await customerWithDependants(team.repA, '30000');
    const before = await everywhere(team, kept.token);
    const gone = await customerWithDependants(team.repA, '50000');
    // Deleted on its own before the customer: it stays in the bin when the customer comes back.
    const earlier = await makeContact(team.repA, gone.customer.id, { name: `${gone.token}早删` });
    expect((await team.repA.delete(`/api/v1/contacts/${earlier.id}`)).status).toBe(200);
    const full = await everywhere(team, gone.token);
    // The figures each view shows really counted the second customer's deal before it went.
    expect(full.board.count).toBe((before.board.count ?? 0) + 1);
    expect(full.totals.open.count).toBe(before.totals.open.count + 1);
    expect(full.totals.quote.amount).toBe('80000.00');
    expect(full.funnel.openCount).toBe(before.funnel.openCount + 1);
    expect(full.calendar.length).toBe(before.calendar.length + 4);
    expect(full.exported.contacts.length).toBe(before.exported.contacts.length + 1);
    expect(full.search).toContain(gone.deal.id);
    expect(full.exported.deals.join()).toContain(`${gone.token}商机`);

    expect((await team.repA.delete(`/api/v1/customers/${gone.customer.id}`)).status).toBe(200);
    const after = await everywhere(team, gone.token);
    const beforeWithoutToken = { ...before, search: after.search };
    expect(after).toEqual(beforeWithoutToken);
    expect(after.search).not.toContain(gone.contact.id);
    expect(after.search).not.toContain(gone.deal.id);
    expect(after.exported.contacts.join()).not.toContain(gone.token);
    expect((await team.repA.get(`/api/v1/opportunities/${gone.deal.id}`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/contacts/${gone.contact.id}`)).status).toBe(404);

    // The bin lists the customer with what went along; the earlier contact stands on its own.
    const bin = (await team.repA.get('/api/v1/recycle-bin?pageSize=100')).body.items;
    expect(bin.map((i: { id: string }) => i.id).sort()).toEqual([gone.customer.id, earlier.id].sort());
    const row = bin.find((i: { id: string }) => i.id === gone.customer.id);
    expect(row.withIt).toEqual(
      expect.arrayContaining([
        { entity: 'contact', label: '联系人', count: 1 },
        { entity: 'opportunity', label: '商机', count: 1 },
        { entity: 'follow_up', label: '跟进记录', count: 1 },
      ]),
    );
    expect(row.withItText).toContain('1 个商机');
    expect(bin.find((i: { id: string }) => i.id === earlier.id).withIt).toEqual([]);

    // Each dependant's history names the customer it went with.
    expect((await historyRows(t.db, 'opportunity', gone.deal.id)).at(-1)).toMatchObject({
      action: 'delete',
      field: 'deleted_with',
      new_value: { entity: 'customer', id: gone.customer.id, title: gone.customer.name },
      actor_id: team.repA.userId,
    });

    // Neither the deal nor the earlier contact comes back alone while the customer is in the bin.
    const alone = await team.repA.request('POST', `/api/v1/recycle-bin/opportunity/${gone.deal.id}/restore`, undefined, {
      'x-locale': 'en',
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error.code).toBe('DELETED_WITH_PARENT');
    expect(alone.body.error.message).toContain(gone.customer.name);
    const early = await team.repA.post(`/api/v1/recycle-bin/contact/${earlier.id}/restore`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('PARENT_IN_BIN');
    expect(early.body.error.message).toBe(`它所属的客户“${gone.customer.name}”还在回收站里，请先恢复这个客户`);

    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${gone.customer.id}/restore`)).status).toBe(200);
    const restored = await everywhere(team, gone.token);
    expect(restored).toEqual(full);
    expect(ids(await team.repA.get('/api/v1/recycle-bin'))).toEqual([earlier.id]);
    expect((await team.repA.get(`/api/v1/opportunities/${gone.deal.id}`)).body).toMatchObject({
      name: `${gone.token}商机`,
      version: gone.deal.version + 2,
    });
    expect((await historyRows(t.db, 'contact', gone.contact.id)).at(-1)).toMatchObject({
      action: 'restore',
      field: 'deleted_with',
      new_value: { entity: 'customer', id: gone.customer.id },
    });
    const api = (await team.repA.get(`/api/v1/contacts/${gone.contact.id}/history`)).body.items[0];
    expect(api.newValue).toMatchObject({ entity: 'customer', title: gone.customer.name, label: { 'zh-CN': '客户', en: 'Customer' } });
    // With its customer back, the earlier contact may come back too.
    expect((await team.repA.post(`/api/v1/recycle-bin/contact/${earlier.id}/restore`)).status).toBe(200);
  });

  it('takes a colleague’s follow-up on the customer along too, and brings it back to him', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const byManager = (
      await team.eastManager.post('/api/v1/follow-ups', {
        customerId: customer.id,
        type: 'visit',
        content: '经理陪访',
        occurredAt: '2027-03-01T02:00:00Z',
      })
    ).body;
    await team.repA.delete(`/api/v1/customers/${customer.id}`);
    expect(ids(await team.eastManager.get('/api/v1/follow-ups?pageSize=100'))).not.toContain(byManager.id);
    await team.repA.post(`/api/v1/recycle-bin/customer/${customer.id}/restore`);
    expect(ids(await team.eastManager.get('/api/v1/follow-ups?pageSize=100'))).toContain(byManager.id);
  });
});

describe('migration 0027: customers already in the recycle bin', () => {
  it('moves their live contacts, deals and follow-ups into the bin with them, marked so that restore brings them back', async () => {
    const team = await makeTeam(t.app, t.db);
    const board = async () =>
      (await team.repA.get('/api/v1/opportunities/board')).body.columns.find((c: { stage: { id: string } }) => c.stage.id === quote());
    const before = await board();
    const old = await customerWithDependants(team.repA, '70000');
    const separately = await makeContact(team.repA, old.customer.id);
    await team.repA.delete(`/api/v1/contacts/${separately.id}`);
    // As the code before the cascade left it: the customer in the bin, the rest live.
    await sql`UPDATE customers SET deleted_at = now() - interval '3 days', deleted_by = ${team.repA.userId} WHERE id = ${old.customer.id}`.execute(
      t.db,
    );
    expect((await board()).count).toBe(before.count + 1);

    const file = new URL('./migrations/0027_customer_dependants_to_bin.sql', import.meta.url);
    for (const statement of readFileSync(file, 'utf8')
      .split(/;\s*\n/)
      .filter((s) => s.trim()))
      await sql.raw(statement).execute(t.db);

    const state = async (table: string, id: string) =>
      (
        await sql<{
          same: boolean;
        }>`SELECT d.deleted_at = c.deleted_at AS same FROM ${sql.table(table)} d JOIN customers c ON c.id = d.customer_id WHERE d.id = ${id}`.execute(
          t.db,
        )
      ).rows[0].same;
    for (const [table, id] of [
      ['contacts', old.contact.id],
      ['opportunities', old.deal.id],
      ['follow_ups', old.followUp.id],
      ['tasks', old.task.id],
      ['visit_plans', old.plan.id],
    ]) {
      expect(await state(table, id)).toBe(true);
    }
    expect(await state('contacts', separately.id)).toBe(false);
    expect(await board()).toMatchObject({ count: before.count, amount: before.amount });
    expect((await historyRows(t.db, 'follow_up', old.followUp.id)).at(-1)).toMatchObject({
      action: 'delete',
      field: 'deleted_with',
      new_value: { entity: 'customer', id: old.customer.id, title: old.customer.name },
      actor_id: null,
    });
    expect((await team.repA.get('/api/v1/recycle-bin?entity=customer')).body.items[0].withItText).toContain('1 个商机');

    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${old.customer.id}/restore`)).status).toBe(200);
    expect((await board()).count).toBe(before.count + 1);
    expect(ids(await team.repA.get('/api/v1/contacts?pageSize=100'))).toContain(old.contact.id);
    expect(ids(await team.repA.get('/api/v1/recycle-bin'))).toEqual([separately.id]);
  });
});
