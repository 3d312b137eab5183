import type { Approver, CONDITION_OPS, FlowDefinition, RESTART_MODES, STEP_MODES } from '@contracts/approvals.js';

// The flow editor's form mirrors the definition's shape, so the server's field keys
// (steps.0.approvers.0.roleKey) name form fields directly; only the loose parts differ.

export type ApproverKind = Approver['kind'];

export interface ApproverValues {
  kind: ApproverKind;
  roleKey?: string;
  userId?: string;
}

export interface StepValues {
  name: string;
  mode: (typeof STEP_MODES)[number];
  approvers: ApproverValues[];
  /** Ticked: the step applies only when the condition below holds. */
  conditional: boolean;
  condition?: { field?: string; op?: (typeof CONDITION_OPS)[number]; value?: string };
}

export interface FlowValues {
  steps: StepValues[];
  fallbackUserId?: string;
  allowSelfApproval: boolean;
  restartFrom: (typeof RESTART_MODES)[number];
}

/** A new step: the submitter's manager decides alone. */
export const newStep = (name: string): StepValues => ({
  name,
  mode: 'any',
  approvers: [{ kind: 'submitter_manager' }],
  conditional: false,
});

export function toFormValues(def: FlowDefinition | null, firstStepName: string): FlowValues {
  if (!def) return { steps: [newStep(firstStepName)], allowSelfApproval: false, restartFrom: 'first_step' };
  return {
    steps: def.steps.map((s) => ({
      name: s.name,
      mode: s.mode,
      approvers: s.approvers.map((a) => ({ ...a })),
      conditional: !!s.condition,
      condition: s.condition ? { ...s.condition } : undefined,
    })),
    fallbackUserId: def.fallbackUserId,
    allowSelfApproval: def.allowSelfApproval,
    restartFrom: def.restartFrom,
  };
}

/** The server's schema is strict: an approver carries only its kind's own key, an unticked condition is left out. */
function toApprover(a: ApproverValues): Approver {
  switch (a.kind) {
    case 'role':
      return { kind: 'role', roleKey: a.roleKey ?? '' };
    case 'user':
      return { kind: 'user', userId: a.userId ?? '' };
    default:
      return { kind: a.kind };
  }
}

export function toDefinition(v: FlowValues): FlowDefinition {
  return {
    steps: v.steps.map((s) => ({
      name: s.name.trim(),
      mode: s.mode,
      approvers: s.approvers.map(toApprover),
      condition:
        s.conditional && s.condition?.field && s.condition.op
          ? { field: s.condition.field, op: s.condition.op, value: (s.condition.value ?? '').trim() }
          : null,
    })),
    fallbackUserId: v.fallbackUserId ?? '',
    allowSelfApproval: v.allowSelfApproval,
    restartFrom: v.restartFrom,
  };
}

/** 'steps.0.approvers.1.roleKey' → ['steps', 0, 'approvers', 1, 'roleKey']: antd tells field 0 from field '0'. */
export function fieldPath(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A server field key in words, for the list above the form: 'steps.1.approvers.0.roleKey' → '第 2 步 · 审批人 1'. */
export function describeFieldKey(key: string, t: Translate): string {
  const path = fieldPath(key);
  if (path[0] !== 'steps' || typeof path[1] !== 'number') {
    return path[0] === 'fallbackUserId' ? t('flow.fallback') : path[0] === 'steps' ? t('flow.steps') : key;
  }
  const step = t('flow.stepN', { n: path[1] + 1 });
  const part =
    path[2] === 'name'
      ? t('flow.stepName')
      : path[2] === 'mode'
        ? t('flow.mode')
        : path[2] === 'approvers'
          ? typeof path[3] === 'number'
            ? `${t('flow.approvers')} ${path[3] + 1}`
            : t('flow.approvers')
          : path[2] === 'condition'
            ? t('flow.conditional')
            : undefined;
  return part ? `${step} · ${part}` : step;
}
