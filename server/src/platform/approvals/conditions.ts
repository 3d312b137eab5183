import type { Condition } from '@contracts/approvals.js';
/**
 * Does a step's condition hold for the document's facts? Money compares exactly (in cents), numbers
 * and percentages as decimals, anything else as text (equal / not equal only). A fact the document
 * does not have makes the condition false: the step is left out rather than guessed.
 */
export function conditionHolds(condition: Condition | null | undefined, facts: Record<string, string | number | null>): boolean {
  if (!condition) return true;
  const fact = facts[condition.field];
  if (fact === null || fact === undefined) return false;
  const a = comparable(fact);
  const b = comparable(condition.value);
  if (typeof a === 'bigint' && typeof b === 'bigint') return compare(condition.op, a < b ? -1 : a > b ? 1 : 0);
  const [x, y] = [String(fact), condition.value];
  if (condition.op === '=') return x === y;
  if (condition.op === '!=') return x !== y;
  return false;
}

/** Numbers as exact integers; text stays text. */
function comparable(v: string | number): bigint | string {
  const s = String(v).trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [whole, frac = ''] = s.split('.');
  return tenThousandths(whole, frac);
}

/** Ten-thousandths, so that 20.001 > 20 still holds for a percentage typed with three decimals. */
function tenThousandths(whole: string, frac: string): bigint {
  const negative = whole.startsWith('-');
  const digits = `${whole.replace('-', '')}${frac.padEnd(4, '0').slice(0, 4)}`;
  const n = BigInt(digits);
  return negative ? -n : n;
}

function compare(op: Condition['op'], c: number): boolean {
  switch (op) {
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}
