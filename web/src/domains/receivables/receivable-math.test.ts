import { describe, expect, it } from 'vitest';
import {
  allocateOldestFirst,
  allocationsInput,
  checkAllocation,
  fenOf,
  instalmentStatus,
  openOnPlan,
  type PlannedInstalment,
  planTotals,
  withoutOwnAllocations,
} from './receivable-math.js';

const plan: PlannedInstalment[] = [
  { id: 'a', position: 1, dueDate: '2026-01-31', amount: '33333.33', allocated: '33333.33' },
  { id: 'b', position: 2, dueDate: '2026-02-28', amount: '33333.33', allocated: '1000.00' },
  { id: 'c', position: 3, dueDate: '2026-03-31', amount: '33333.34', allocated: '0.00' },
];

describe('the payment plan while it is edited (M1)', () => {
  it('balances only when the instalments add up to the contract amount to the fen', () => {
    expect(planTotals(['33333.33', '33333.33', '33333.34'], '100000.00')).toEqual({
      sum: '100000.00',
      difference: '0.00',
      balanced: true,
      incomplete: false,
    });
    const short = planTotals(['33333.33', '33333.33', '33333.33'], '100000.00');
    expect(short).toMatchObject({ difference: '0.01', balanced: false });
    expect(planTotals(['0.1', '0.2'], '0.30')).toMatchObject({ sum: '0.30', balanced: true });
    expect(planTotals(['60000', '50000'], '100000')).toMatchObject({ difference: '-10000.00', balanced: false });
  });

  it('is incomplete with an empty, zero or malformed amount, or without rows', () => {
    expect(planTotals(['100000', ''], '100000')).toMatchObject({ incomplete: true, balanced: false });
    expect(planTotals(['100000', '0'], '100000')).toMatchObject({ incomplete: true, balanced: false });
    expect(planTotals(['99999.999'], '100000')).toMatchObject({ incomplete: true });
    expect(planTotals([], '0')).toMatchObject({ incomplete: true, balanced: false });
    expect(fenOf('1,000')).toBeNull();
    expect(fenOf(' 12.5 ')).toBe(1250n);
  });

  it('names each instalment 已回款, 已逾期, 部分回款 or 未到期 as of the company’s today', () => {
    const i = { amount: '100.00', dueDate: '2026-03-10' };
    expect(instalmentStatus({ ...i, paid: '100.00' }, '2026-04-01')).toBe('paid');
    expect(instalmentStatus({ ...i, paid: '40.00' }, '2026-03-11')).toBe('overdue');
    expect(instalmentStatus({ ...i, paid: '0.00' }, '2026-03-11')).toBe('overdue');
    // Due today is not yet overdue.
    expect(instalmentStatus({ ...i, paid: '0.00' }, '2026-03-10')).toBe('notDue');
    expect(instalmentStatus({ ...i, paid: '0.01' }, '2026-03-10')).toBe('partial');
    // The contract ended (its plan closed): what is open is no longer due; what was paid stays paid.
    expect(instalmentStatus({ ...i, paid: '40.00' }, '2026-03-11', true)).toBe('closed');
    expect(instalmentStatus({ ...i, paid: '100.00' }, '2026-03-11', true)).toBe('paid');
  });
});

describe('a payment spread over the instalments (M1)', () => {
  it('previews the automatic allocation: oldest due first, each up to what it still lacks', () => {
    expect(openOnPlan(plan)).toBe('65666.67');
    expect(allocateOldestFirst(plan, '40000')).toEqual({ b: '32333.33', c: '7666.67' });
    expect(allocateOldestFirst(plan, '65666.67')).toEqual({ b: '32333.33', c: '33333.34' });
    expect(allocateOldestFirst(plan, '')).toEqual({});
  });

  it('checks a hand allocation live: remaining to spread, instalments given beyond their room', () => {
    expect(checkAllocation(plan, '5000', { b: '3000', c: '2000' })).toMatchObject({ allocated: '5000.00', remaining: '0.00', ok: true });
    expect(checkAllocation(plan, '5000', { b: '3000' })).toMatchObject({ remaining: '2000.00', ok: false });
    expect(checkAllocation(plan, '40000', { b: '40000' })).toMatchObject({ over: ['b'], remaining: '0.00', ok: false });
    expect(checkAllocation(plan, '10', { b: 'x', c: '10' })).toMatchObject({ valid: false, ok: false });
    expect(allocationsInput(plan, { a: '', b: '3000', c: '0' })).toEqual([{ instalmentId: 'b', amount: '3000.00' }]);
  });

  it('gives a corrected payment back the room it took itself', () => {
    const mine = withoutOwnAllocations(plan, [{ instalmentId: 'b', amount: '1000.00' }]);
    expect(mine.map((i) => i.allocated)).toEqual(['33333.33', '0.00', '0.00']);
    expect(openOnPlan(mine)).toBe('66666.67');
    expect(checkAllocation(mine, '33333.33', { b: '33333.33' })).toMatchObject({ ok: true });
    expect(plan[1].allocated).toBe('1000.00');
  });
});
