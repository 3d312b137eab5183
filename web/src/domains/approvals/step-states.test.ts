import type { ApprovalRequest } from '@contracts/approvals.js';
import { describe, expect, it } from 'vitest';
import { stepStatus, stepViews, waitedFor } from './step-states.js';

const user = (name: string) => ({ id: `00000000-0000-4000-8000-00000000000${name.length}`, name });
type Task = ApprovalRequest['tasks'][number];
const task = (step: number, status: Task['status'], extra: Partial<Task> = {}): Task => ({
  id: `t${step}${status}`,
  step,
  status,
  approvers: [user('钱经理')],
  viaFallback: false,
  actedBy: null,
  actedAt: null,
  comment: null,
  ...extra,
});

/** The seed contract flow in small: manager → director above 100 万 → finance and legal together. */
function request(over: Partial<ApprovalRequest>): ApprovalRequest {
  return {
    id: 'r1',
    documentType: 'contract',
    documentId: 'd1',
    documentLabel: '合同',
    title: '华辰精密年度框架合同',
    link: '/contracts/d1',
    amount: '500000.00',
    status: 'pending',
    round: 1,
    currentStep: 0,
    steps: [
      { name: '销售经理', mode: 'any', applies: true },
      { name: '总监', mode: 'any', applies: false },
      { name: '财务和法务', mode: 'all', applies: true },
    ],
    submitter: user('李销售'),
    submittedAt: '2025-03-01T02:00:00.000Z',
    finishedAt: null,
    tasks: [],
    history: [],
    can: { approve: false, reject: false, withdraw: false, reassign: false },
    ...over,
  };
}

const states = (r: ApprovalRequest) => stepViews(r).map((v) => v.state);

describe('approval progress (Q3)', () => {
  it('shows the current step in progress, a step whose condition failed as skipped, and later ones not started', () => {
    const r = request({ tasks: [task(0, 'pending')] });
    expect(states(r)).toEqual(['current', 'skipped', 'waiting']);
    expect(stepViews(r).map((v) => stepStatus(v.state))).toEqual(['process', 'wait', 'wait']);
  });

  it('keeps a 会签 step in progress until everyone approved, then done', () => {
    const halfway = request({ currentStep: 2, tasks: [task(0, 'approved'), task(2, 'approved'), { ...task(2, 'pending'), id: 'x' }] });
    expect(states(halfway)).toEqual(['done', 'skipped', 'current']);
    const done = request({
      status: 'approved',
      currentStep: null,
      tasks: [task(0, 'approved'), task(2, 'approved'), { ...task(2, 'approved'), id: 'y' }],
    });
    expect(states(done)).toEqual(['done', 'skipped', 'done']);
  });

  it('marks the rejecting step red and the steps after it as not reached', () => {
    const r = request({ status: 'rejected', currentStep: null, tasks: [task(0, 'rejected', { comment: '价格太低' })] });
    expect(states(r)).toEqual(['rejected', 'skipped', 'notReached']);
    expect(stepStatus('rejected')).toBe('error');
  });

  it('marks the open step of a withdrawn request as withdrawn', () => {
    const r = request({ status: 'withdrawn', currentStep: null, tasks: [task(0, 'cancelled')] });
    expect(states(r)).toEqual(['withdrawn', 'skipped', 'notReached']);
  });

  it('shows the steps a resubmission resumed after as approved in the previous round', () => {
    const r = request({ round: 2, currentStep: 2, tasks: [task(2, 'pending')] });
    expect(states(r)).toEqual(['carried', 'skipped', 'current']);
  });
});

describe('how long a request has waited', () => {
  const now = Date.parse('2025-03-04T05:30:00.000Z');
  it('names days and hours, hours alone, or minutes', () => {
    expect(waitedFor('2025-03-02T02:00:00.000Z', now)).toMatchObject({ key: 'days', days: 2, hours: 3 });
    expect(waitedFor('2025-03-01T05:10:00.000Z', now)).toMatchObject({ key: 'daysOnly', days: 3 });
    expect(waitedFor('2025-03-04T01:00:00.000Z', now)).toMatchObject({ key: 'hours', hours: 4 });
    expect(waitedFor('2025-03-04T05:18:00.000Z', now)).toMatchObject({ key: 'minutes', minutes: 12 });
    expect(waitedFor('2025-03-04T05:29:40.000Z', now).key).toBe('justNow');
  });
});
