import type { FlowDefinition } from '@contracts/approvals.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoTable, MEMO, makeMemo, memoStatus, submitMemo } from '../../test/approval-gadget.js';
import { makeAdmin, makeClient, makeTeam, makeUser } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  await createMemoTable(t.db);
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;

/** 华东's manager manages 上海组's reps (上海组 has no manager of its own); the director manages 销售中心. */
async function teamWithManagers() {
  const team = await makeTeam(t.app, t.db);
  await t.db.updateTable('departments').set({ manager_id: team.eastManager.userId }).where('id', '=', team.departments.east).execute();
  await t.db.updateTable('departments').set({ manager_id: team.director.userId }).where('id', '=', team.departments.center).execute();
  return team;
}

async function saveFlow(definition: FlowDefinition) {
  const res = await admin.request('PUT', `/api/v1/approval-flows/${MEMO}`, { definition });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const byDocument = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/approvals/by-document?documentType=${MEMO}&documentId=${id}`);
  expect(res.status).toBe(200);
  return res.body.request;
};

/** The seed 002 contract flow in small: manager → finance and legal together, a director above 100 万. */
async function contractLikeFlow(team: Team, extra: Partial<FlowDefinition> = {}) {
  const finance = await makeClient(t.app, t.db, { role: 'finance' });
  const legal = await makeClient(t.app, t.db, { role: 'legal' });
  await saveFlow({
    steps: [
      { name: '销售经理', mode: 'any', approvers: [{ kind: 'submitter_manager' }] },
      {
        name: '总监',
        mode: 'any',
        approvers: [{ kind: 'user', userId: team.director.userId }],
        condition: { field: 'amount', op: '>', value: '1000000' },
      },
      {
        name: '财务和法务',
        mode: 'all',
        approvers: [
          { kind: 'user', userId: finance.userId },
          { kind: 'user', userId: legal.userId },
        ],
      },
    ],
    fallbackUserId: admin.userId,
    allowSelfApproval: false,
    restartFrom: 'first_step',
    ...extra,
  });
  return { finance, legal };
}

describe('approval engine (Q3)', () => {
  it('walks manager → (director above 100 万) → finance and legal together, then the document is approved', async () => {
    const team = await teamWithManagers();
    const { finance, legal } = await contractLikeFlow(team);
    const memo = await makeMemo(t.db, team.repA.userId, '500000.00');
    const { requestId } = await submitMemo(t.db, team.repA.userId, memo);

    let r = await byDocument(team.repA, memo);
    expect(r).toMatchObject({ id: requestId, status: 'pending', currentStep: 0, round: 1 });
    expect(r.steps.map((s: { applies: boolean }) => s.applies)).toEqual([true, false, true]);
    expect(r.tasks[0].approvers.map((a: { id: string }) => a.id)).toEqual([team.eastManager.userId]);

    // 待我审批 for the manager; 我发起的 for the rep; the bell rings for the manager.
    const todo = await team.eastManager.get('/api/v1/approvals?box=todo');
    expect(todo.body.items.map((i: { id: string }) => i.id)).toContain(requestId);
    expect(todo.body.items.find((i: { id: string }) => i.id === requestId)).toMatchObject({
      stepName: '销售经理',
      documentLabel: '测试单',
    });
    expect((await team.repA.get('/api/v1/approvals?box=submitted')).body.items[0].id).toBe(requestId);
    const bell = await team.eastManager.get('/api/v1/notifications');
    expect(
      bell.body.items.some((n: { kind: string; link: string }) => n.kind === 'approval_todo' && n.link === `/approvals/${requestId}`),
    ).toBe(true);

    expect((await team.eastManager.post(`/api/v1/approvals/${requestId}/approve`, { comment: '可以' })).status).toBe(200);
    r = await byDocument(team.repA, memo);
    expect(r.currentStep).toBe(2);
    // 会签: finance alone is not enough.
    expect((await finance.post(`/api/v1/approvals/${requestId}/approve`, {})).body.status).toBe('pending');
    expect(await memoStatus(t.db, memo)).toBe('in_approval');
    const done = await legal.post(`/api/v1/approvals/${requestId}/approve`, {});
    expect(done.body.status).toBe('approved');
    expect(await memoStatus(t.db, memo)).toBe('approved');
    expect(done.body.history.map((h: { kind: string }) => h.kind)).toEqual(['submit', 'approve', 'approve', 'approve', 'approved']);
    // 我已审批 for the finance user; nothing left in his 待我审批.
    expect((await finance.get('/api/v1/approvals?box=done')).body.items.map((i: { id: string }) => i.id)).toContain(requestId);
    expect((await finance.get('/api/v1/approvals?box=todo')).body.items.map((i: { id: string }) => i.id)).not.toContain(requestId);
  });

  it('adds the director only above 100 万: exactly 1,000,000.00 does not, 1,000,000.01 does', async () => {
    const team = await teamWithManagers();
    await contractLikeFlow(team);
    const at = await makeMemo(t.db, team.repA.userId, '1000000.00');
    const over = await makeMemo(t.db, team.repA.userId, '1000000.01');
    await submitMemo(t.db, team.repA.userId, at);
    await submitMemo(t.db, team.repA.userId, over);
    expect((await byDocument(team.repA, at)).steps[1].applies).toBe(false);
    expect((await byDocument(team.repA, over)).steps[1].applies).toBe(true);
  });

  it('returns a rejected document to draft with the comment; a resubmission starts again at the first step or at the one that rejected', async () => {
    const team = await teamWithManagers();
    const { finance } = await contractLikeFlow(team);
    const memo = await makeMemo(t.db, team.repA.userId, '200000.00');
    const first = await submitMemo(t.db, team.repA.userId, memo);
    await team.eastManager.post(`/api/v1/approvals/${first.requestId}/approve`, {});
    // A rejection needs a reason.
    expect((await finance.post(`/api/v1/approvals/${first.requestId}/reject`, {})).status).toBe(400);
    const rejected = await finance.post(`/api/v1/approvals/${first.requestId}/reject`, { comment: '付款条件和报价不一致' });
    expect(rejected.body.status).toBe('rejected');
    expect(await memoStatus(t.db, memo)).toBe('draft');
    expect(rejected.body.history.at(-1)).toMatchObject({ kind: 'reject', comment: '付款条件和报价不一致' });
    const bell = await team.repA.get('/api/v1/notifications');
    expect(bell.body.items.find((n: { kind: string }) => n.kind === 'approval_rejected')?.body).toBe('付款条件和报价不一致');

    // Restart from the first step (the flow's default).
    const second = await submitMemo(t.db, team.repA.userId, memo);
    expect(await byDocument(team.repA, memo)).toMatchObject({ id: second.requestId, round: 2, currentStep: 0 });
    // Finance has no task in this round yet: the new request is not even his to see.
    expect((await finance.post(`/api/v1/approvals/${second.requestId}/reject`, { comment: '还没轮到' })).status).toBe(404);
    await team.eastManager.post(`/api/v1/approvals/${second.requestId}/approve`, {});
    await finance.post(`/api/v1/approvals/${second.requestId}/reject`, { comment: '还是不对' });

    // The flow now says: resume at the step that rejected (a new version; this request keeps going on it).
    await contractLikeFlow(team, { restartFrom: 'rejected_step' });
    const third = await submitMemo(t.db, team.repA.userId, memo);
    const r = await byDocument(team.repA, memo);
    expect(r).toMatchObject({ id: third.requestId, round: 3, currentStep: 2 });
  });

  it('lets only the submitter withdraw, and only before the end', async () => {
    const team = await teamWithManagers();
    await contractLikeFlow(team);
    const memo = await makeMemo(t.db, team.repA.userId);
    const { requestId } = await submitMemo(t.db, team.repA.userId, memo);
    expect((await team.eastManager.post(`/api/v1/approvals/${requestId}/withdraw`, {})).status).toBe(403);
    const w = await team.repA.post(`/api/v1/approvals/${requestId}/withdraw`, { comment: '客户还要改数量' });
    expect(w.body.status).toBe('withdrawn');
    expect(await memoStatus(t.db, memo)).toBe('draft');
    expect((await team.repA.post(`/api/v1/approvals/${requestId}/withdraw`, {})).status).toBe(409);
    expect((await team.eastManager.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(409);
    expect((await team.eastManager.get('/api/v1/approvals?box=todo')).body.items.map((i: { id: string }) => i.id)).not.toContain(requestId);
  });

  it('hands the step to a delegate while the approver is away, also for tasks already waiting', async () => {
    const team = await teamWithManagers();
    await contractLikeFlow(team);
    const waiting = await makeMemo(t.db, team.repA.userId);
    const before = await submitMemo(t.db, team.repA.userId, waiting);
    const deputy = await makeClient(t.app, t.db, { role: 'manager', departmentId: team.departments.east });
    const today = new Date().toISOString().slice(0, 10);
    const res = await team.eastManager.post('/api/v1/approval-delegations', {
      delegateId: deputy.userId,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    expect(res.status).toBe(200);
    expect(res.body.items[0].delegate.id).toBe(deputy.userId);
    expect(today > '2020-01-01').toBe(true);

    // A new submission names the deputy; the one already waiting is in his 待我审批 too.
    const fresh = await makeMemo(t.db, team.repA.userId);
    const after = await submitMemo(t.db, team.repA.userId, fresh);
    expect((await byDocument(team.repA, fresh)).tasks[0].approvers.map((a: { id: string }) => a.id)).toEqual([deputy.userId]);
    const todo = (await deputy.get('/api/v1/approvals?box=todo')).body.items.map((i: { id: string }) => i.id);
    expect(todo).toEqual(expect.arrayContaining([before.requestId, after.requestId]));
    expect((await deputy.post(`/api/v1/approvals/${before.requestId}/approve`, {})).body.currentStep).toBe(2);

    // Revoked: the manager decides again himself.
    await team.eastManager.delete(`/api/v1/approval-delegations/${res.body.items[0].id}`);
    const third = await makeMemo(t.db, team.repA.userId);
    await submitMemo(t.db, team.repA.userId, third);
    expect((await byDocument(team.repA, third)).tasks[0].approvers.map((a: { id: string }) => a.id)).toEqual([team.eastManager.userId]);
  });

  it('sends a step nobody can approve to the fallback approver, never past it; without one the submission is refused', async () => {
    const team = await teamWithManagers();
    await contractLikeFlow(team);
    // A rep in a department with no manager anywhere above.
    const loner = await makeUser(t.db, { role: 'rep' });
    const memo = await makeMemo(t.db, loner.id);
    const { requestId } = await submitMemo(t.db, loner.id, memo);
    const r = await byDocument(admin, memo);
    expect(r.tasks[0]).toMatchObject({ viaFallback: true, approvers: [{ id: admin.userId }] });
    expect(r.history.map((h: { kind: string }) => h.kind)).toEqual(['submit', 'fallback']);
    expect((await admin.post(`/api/v1/approvals/${requestId}/approve`, {})).body.currentStep).toBe(2);

    // A deactivated manager is as good as none.
    await t.db.updateTable('users').set({ active: false }).where('id', '=', team.eastManager.userId).execute();
    const memo2 = await makeMemo(t.db, team.repA.userId);
    await submitMemo(t.db, team.repA.userId, memo2);
    expect((await byDocument(admin, memo2)).tasks[0].viaFallback).toBe(true);

    // The fallback deactivated too: refused with a clear message, nothing half-written.
    const fallback = await makeUser(t.db, { role: 'admin' });
    await contractLikeFlow(team, { fallbackUserId: fallback.id });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', fallback.id).execute();
    const memo3 = await makeMemo(t.db, team.repA.userId);
    await expect(submitMemo(t.db, team.repA.userId, memo3)).rejects.toMatchObject({ code: 'APPROVAL_NO_APPROVER' });
    expect(await memoStatus(t.db, memo3)).toBe('draft');
    expect(await byDocument(admin, memo3)).toBeNull();
  });

  it('leaves the submitter out of his own step unless the flow allows self-approval', async () => {
    const team = await teamWithManagers();
    await saveFlow({
      steps: [{ name: '经理', mode: 'any', approvers: [{ kind: 'user', userId: team.eastManager.userId }] }],
      fallbackUserId: team.director.userId,
      allowSelfApproval: false,
      restartFrom: 'first_step',
    });
    const own = await makeMemo(t.db, team.eastManager.userId);
    const { requestId } = await submitMemo(t.db, team.eastManager.userId, own);
    const r = await byDocument(team.eastManager, own);
    expect(r.tasks[0]).toMatchObject({ viaFallback: true, approvers: [{ id: team.director.userId }] });
    expect(r.can.approve).toBe(false);
    expect((await team.eastManager.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(403);

    await saveFlow({
      steps: [{ name: '经理', mode: 'any', approvers: [{ kind: 'user', userId: team.eastManager.userId }] }],
      fallbackUserId: team.director.userId,
      allowSelfApproval: true,
      restartFrom: 'first_step',
    });
    const own2 = await makeMemo(t.db, team.eastManager.userId);
    const second = await submitMemo(t.db, team.eastManager.userId, own2);
    expect((await team.eastManager.post(`/api/v1/approvals/${second.requestId}/approve`, {})).body.status).toBe('approved');
  });

  it('counts one of two approvers pressing at once on an "any" step; the other gets 409', async () => {
    const team = await teamWithManagers();
    await saveFlow({
      steps: [
        {
          name: '经理',
          mode: 'any',
          approvers: [
            { kind: 'user', userId: team.eastManager.userId },
            { kind: 'user', userId: team.southManager.userId },
          ],
        },
      ],
      fallbackUserId: admin.userId,
      allowSelfApproval: false,
      restartFrom: 'first_step',
    });
    const memo = await makeMemo(t.db, team.repA.userId);
    const { requestId } = await submitMemo(t.db, team.repA.userId, memo);
    const [a, b] = await Promise.all([
      team.eastManager.post(`/api/v1/approvals/${requestId}/approve`, {}),
      team.southManager.post(`/api/v1/approvals/${requestId}/approve`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const r = await byDocument(team.repA, memo);
    expect(r.status).toBe('approved');
    expect(r.history.filter((h: { kind: string }) => h.kind === 'approve')).toHaveLength(1);

    // A withdraw racing an approval: one wins and the state agrees with it.
    const memo2 = await makeMemo(t.db, team.repA.userId);
    const second = await submitMemo(t.db, team.repA.userId, memo2);
    const [w, ap] = await Promise.all([
      team.repA.post(`/api/v1/approvals/${second.requestId}/withdraw`, {}),
      team.eastManager.post(`/api/v1/approvals/${second.requestId}/approve`, {}),
    ]);
    expect([w.status, ap.status].sort()).toEqual([200, 409]);
    const status = (await byDocument(team.repA, memo2)).status;
    expect(status).toBe(w.status === 200 ? 'withdrawn' : 'approved');
    expect(await memoStatus(t.db, memo2)).toBe(w.status === 200 ? 'draft' : 'approved');
  });

  it('keeps a request on the flow version it started with when the admin edits the flow', async () => {
    const team = await teamWithManagers();
    await contractLikeFlow(team);
    const memo = await makeMemo(t.db, team.repA.userId);
    const { requestId } = await submitMemo(t.db, team.repA.userId, memo);
    const v = await saveFlow({
      steps: [{ name: '只要总监', mode: 'any', approvers: [{ kind: 'user', userId: team.director.userId }] }],
      fallbackUserId: admin.userId,
      allowSelfApproval: false,
      restartFrom: 'first_step',
    });
    expect(v.version).toBeGreaterThan(1);
    const r = await byDocument(team.repA, memo);
    expect(r.steps.map((s: { name: string }) => s.name)).toEqual(['销售经理', '总监', '财务和法务']);
    expect((await team.eastManager.post(`/api/v1/approvals/${requestId}/approve`, {})).body.currentStep).toBe(2);
  });

  it('shows a request to its submitter and approvers only; an admin may reassign a waiting step', async () => {
    const team = await teamWithManagers();
    await contractLikeFlow(team);
    const memo = await makeMemo(t.db, team.repA.userId);
    const { requestId } = await submitMemo(t.db, team.repA.userId, memo);
    expect((await team.repB.get(`/api/v1/approvals/${requestId}`)).status).toBe(404);
    expect((await team.repB.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(404);
    expect((await team.eastManager.get(`/api/v1/approvals/${requestId}`)).status).toBe(200);
    // 华南's manager is outside the rep's scope and not an approver: not found.
    expect((await team.southManager.get(`/api/v1/approvals/${requestId}`)).status).toBe(404);

    const r = await byDocument(admin, memo);
    expect(
      (await team.eastManager.post(`/api/v1/approvals/${requestId}/reassign`, { taskId: r.tasks[0].id, userId: team.southManager.userId }))
        .status,
    ).toBe(403);
    const moved = await admin.post(`/api/v1/approvals/${requestId}/reassign`, {
      taskId: r.tasks[0].id,
      userId: team.southManager.userId,
      comment: '钱经理休假',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.tasks[0].approvers).toEqual([{ id: team.southManager.userId, name: expect.any(String) }]);
    // Now he is an approver of it: he sees it and may act; the former approver is no longer one (and
    // the memo is not his to see): not found.
    expect((await team.southManager.get(`/api/v1/approvals/${requestId}`)).status).toBe(200);
    expect((await team.eastManager.post(`/api/v1/approvals/${requestId}/approve`, {})).status).toBe(404);
    expect(
      (await team.southManager.post(`/api/v1/approvals/${requestId}/comment`, { comment: '我来看' })).body.history.at(-1),
    ).toMatchObject({
      kind: 'comment',
      comment: '我来看',
    });
  });

  it('checks a flow before saving it: known condition fields, roles and an active fallback approver', async () => {
    const bad = (definition: unknown) => admin.request('PUT', `/api/v1/approval-flows/${MEMO}`, { definition });
    const base = { fallbackUserId: admin.userId, allowSelfApproval: false, restartFrom: 'first_step' };
    const r1 = await bad({ ...base, steps: [{ name: 'x', mode: 'any', approvers: [{ kind: 'role', roleKey: 'no_such_role' }] }] });
    expect(r1.status).toBe(400);
    expect(Object.keys(r1.body.error.fields)).toEqual(['steps.0.approvers.0.roleKey']);
    const r2 = await bad({
      ...base,
      steps: [
        {
          name: 'x',
          mode: 'any',
          approvers: [{ kind: 'role', roleKey: 'finance' }],
          condition: { field: 'colour', op: '=', value: 'red' },
        },
      ],
    });
    expect(Object.keys(r2.body.error.fields)).toEqual(['steps.0.condition.field']);
    const r3 = await bad({ ...base, steps: [] });
    expect(r3.status).toBe(400);
    const rep = await makeClient(t.app, t.db, { role: 'rep' });
    expect(
      (
        await rep.request('PUT', `/api/v1/approval-flows/${MEMO}`, {
          definition: { ...base, steps: [{ name: 'x', mode: 'any', approvers: [{ kind: 'role', roleKey: 'finance' }] }] },
        })
      ).status,
    ).toBe(403);
  });

  it('takes one decision for every entry of an "all" step the same person stands in', async () => {
    const team = await teamWithManagers();
    const both = await makeClient(t.app, t.db, { roles: ['finance', 'legal'] });
    const other = await makeClient(t.app, t.db, { role: 'finance' });
    await saveFlow({
      steps: [
        {
          name: '财务和法务',
          mode: 'all',
          approvers: [
            { kind: 'user', userId: both.userId },
            { kind: 'user', userId: both.userId },
            { kind: 'user', userId: other.userId },
          ],
        },
      ],
      fallbackUserId: admin.userId,
      allowSelfApproval: false,
      restartFrom: 'first_step',
    });
    const memo = await makeMemo(t.db, team.repA.userId);
    const { requestId } = await submitMemo(t.db, team.repA.userId, memo);
    const once = await both.post(`/api/v1/approvals/${requestId}/approve`, {});
    expect(once.body.tasks.map((x: { status: string }) => x.status)).toEqual(['approved', 'approved', 'pending']);
    expect((await other.post(`/api/v1/approvals/${requestId}/approve`, {})).body.status).toBe('approved');
  });
});
