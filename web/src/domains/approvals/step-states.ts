import type { ApprovalRequest } from '@contracts/approvals.js';

/**
 * What a step of a request shows on the progress bar:
 * - skipped: its condition did not hold (不适用，已跳过);
 * - carried: it applies but has no tasks in this round because the flow resumed after it (上一轮已通过);
 * - done / rejected / current: decided or being decided in this round;
 * - withdrawn: it was open when the submitter withdrew;
 * - waiting: still ahead of a pending request; notReached: the request ended before it.
 */
export type StepState = 'skipped' | 'carried' | 'done' | 'rejected' | 'current' | 'withdrawn' | 'waiting' | 'notReached';

type Task = ApprovalRequest['tasks'][number];

export interface StepView {
  index: number;
  name: string;
  mode: 'any' | 'all';
  state: StepState;
  tasks: Task[];
}

function stateOf(r: ApprovalRequest, index: number, applies: boolean, mode: 'any' | 'all', tasks: Task[]): StepState {
  if (!applies) return 'skipped';
  if (tasks.some((t) => t.status === 'rejected')) return 'rejected';
  if (r.status === 'pending' && r.currentStep === index) return 'current';
  const approved = tasks.filter((t) => t.status === 'approved').length;
  if (tasks.length > 0 && (mode === 'any' ? approved > 0 : approved === tasks.length)) return 'done';
  if (tasks.length === 0) {
    const passed = r.status === 'approved' || (r.status === 'pending' && r.currentStep !== null && index < r.currentStep);
    if (passed) return 'carried';
    return r.status === 'pending' ? 'waiting' : 'notReached';
  }
  return r.status === 'withdrawn' ? 'withdrawn' : 'notReached';
}

/** Every step of the request's flow version with its tasks of this round, in order. */
export function stepViews(r: ApprovalRequest): StepView[] {
  return r.steps.map((s, index) => {
    const tasks = r.tasks.filter((t) => t.step === index);
    return { index, name: s.name, mode: s.mode, state: stateOf(r, index, s.applies, s.mode, tasks), tasks };
  });
}

/** The antd Steps status a state is drawn with. */
export function stepStatus(state: StepState): 'wait' | 'process' | 'finish' | 'error' {
  switch (state) {
    case 'done':
    case 'carried':
      return 'finish';
    case 'current':
      return 'process';
    case 'rejected':
      return 'error';
    default:
      return 'wait';
  }
}

/** How long a request has waited, in the largest two units that matter: 2 天 3 小时, 3 天, 5 小时, 12 分钟. */
export function waitedFor(
  sinceIso: string,
  now = Date.now(),
): { key: 'justNow' | 'minutes' | 'hours' | 'days' | 'daysOnly'; days: number; hours: number; minutes: number } {
  const minutesTotal = Math.max(0, Math.floor((now - new Date(sinceIso).getTime()) / 60_000));
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  const key = days > 0 ? (hours > 0 ? 'days' : 'daysOnly') : hours > 0 ? 'hours' : minutesTotal > 0 ? 'minutes' : 'justNow';
  return { key, days, hours, minutes };
}
