import type { FlowDefinition } from '@contracts/approvals.js';
import { flowDefinitionSchema } from '@contracts/approvals.js';
import { describe, expect, it } from 'vitest';
import { describeFieldKey, fieldPath, toDefinition, toFormValues } from './flow-form.js';

const ADMIN = '00000000-0000-4000-8000-000000000001';
const DIRECTOR = '00000000-0000-4000-8000-000000000002';

const contractFlow: FlowDefinition = {
  steps: [
    { name: '销售经理', mode: 'any', approvers: [{ kind: 'submitter_manager' }] },
    {
      name: '总监',
      mode: 'any',
      approvers: [{ kind: 'user', userId: DIRECTOR }],
      condition: { field: 'amount', op: '>', value: '1000000' },
    },
    {
      name: '财务和法务',
      mode: 'all',
      approvers: [
        { kind: 'role', roleKey: 'finance' },
        { kind: 'role', roleKey: 'legal' },
      ],
    },
  ],
  fallbackUserId: ADMIN,
  allowSelfApproval: false,
  restartFrom: 'rejected_step',
};

describe('flow editor form (Q3)', () => {
  it('round-trips a saved flow through the form unchanged', () => {
    const back = toDefinition(toFormValues(contractFlow, '主管审批'));
    expect(back).toEqual({
      ...contractFlow,
      steps: contractFlow.steps.map((s) => ({ ...s, condition: s.condition ?? null })),
    });
    expect(flowDefinitionSchema.safeParse(back).success).toBe(true);
  });

  it("sends only the approver kind's own key, since the server's schema is strict", () => {
    const values = toFormValues(contractFlow, '');
    // The admin switched an entry from 指定人员 to 按角色: the old userId stays in the form's store.
    values.steps[1].approvers[0] = { kind: 'role', roleKey: 'sales_director', userId: DIRECTOR };
    values.steps[0].approvers[0] = { kind: 'manager_of_manager', roleKey: 'finance' };
    const def = toDefinition(values);
    expect(def.steps[1].approvers[0]).toEqual({ kind: 'role', roleKey: 'sales_director' });
    expect(def.steps[0].approvers[0]).toEqual({ kind: 'manager_of_manager' });
    expect(flowDefinitionSchema.safeParse(def).success).toBe(true);
  });

  it('drops a condition whose box was unticked, even if its fields were filled', () => {
    const values = toFormValues(contractFlow, '');
    values.steps[1].conditional = false;
    expect(toDefinition(values).steps[1].condition).toBeNull();
  });

  it('starts a new flow with one step for the submitter manager', () => {
    const values = toFormValues(null, '主管审批');
    expect(values.steps).toEqual([{ name: '主管审批', mode: 'any', approvers: [{ kind: 'submitter_manager' }], conditional: false }]);
    expect(values.restartFrom).toBe('first_step');
  });

  it("turns the server's field keys into form paths with numeric list indexes", () => {
    expect(fieldPath('steps.0.approvers.1.roleKey')).toEqual(['steps', 0, 'approvers', 1, 'roleKey']);
    expect(fieldPath('fallbackUserId')).toEqual(['fallbackUserId']);
  });

  it('names a field key in words for the error list', () => {
    const t = (key: string, v?: Record<string, unknown>) => (v ? `${key}(${Object.values(v).join(',')})` : key);
    expect(describeFieldKey('steps.0.approvers.1.roleKey', t)).toBe('flow.stepN(1) · flow.approvers 2');
    expect(describeFieldKey('steps.2.condition.field', t)).toBe('flow.stepN(3) · flow.conditional');
    expect(describeFieldKey('fallbackUserId', t)).toBe('flow.fallback');
    expect(describeFieldKey('steps', t)).toBe('flow.steps');
  });
});
