import type { Condition } from '@contracts/approvals.js';
import type { Flow } from '../api.js';

/** The operator's message key: CONDITION_OPS are symbols, message keys are words. */
export const OP_KEYS: Record<Condition['op'], string> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', '=': 'eq', '!=': 'ne' };

/** Order comparisons make sense for amounts and rates only; text and departments are equal or not. */
export const opsFor = (kind: string | undefined): Condition['op'][] =>
  kind === 'money' || kind === 'percent' || kind === 'number' ? ['>', '>=', '<', '<=', '=', '!='] : ['=', '!='];

export type ConditionField = Flow['conditionFields'][number];
