import { isCountTarget, type TargetType } from '@contracts/targets.js';
import { sumMoney } from '../../platform/money.js';

/*
 * T1 decomposition (seed 001: 销售经理要具体细致地将各项目标分解给业务员 … 完成月别、季别、年度别的目标).
 * Amounts are split in whole units — fen for money, one for counts (new customers) — with integers, so
 * the cells add up to the target exactly; what does not divide falls on the last cell.
 */

/** Fen per yuan for money; a count target splits whole customers. */
const unitsPerYuan = (type: TargetType) => (isCountTarget(type) ? 1n : 100n);

export function toUnits(type: TargetType, amount: string): bigint {
  const [int, frac = ''] = amount.split('.');
  const units = BigInt(int || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
  return units / (100n / unitsPerYuan(type));
}

export function fromUnits(type: TargetType, units: bigint): string {
  const fen = units * (100n / unitsPerYuan(type));
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

/** `total` over `count` cells in equal whole units; the remainder on the last cell. */
export function evenSplit(total: bigint, count: number): bigint[] {
  if (count <= 0) return [];
  const each = total / BigInt(count);
  const cells = Array.from({ length: count }, () => each);
  cells[count - 1] += total - each * BigInt(count);
  return cells;
}

/**
 * `total` in proportion to `weights` (last year's actuals, cell by cell), each share rounded down to a
 * whole unit; the units lost to rounding fall on the last cell. Null when the weights add up to nothing
 * (no actuals last year): there is no share to follow.
 */
export function shareSplit(total: bigint, weights: readonly bigint[]): bigint[] | null {
  const positive = weights.map((w) => (w > 0n ? w : 0n));
  const sum = positive.reduce((a, b) => a + b, 0n);
  if (sum === 0n || positive.length === 0) return null;
  const cells = positive.map((w) => (total * w) / sum);
  cells[cells.length - 1] += total - cells.reduce((a, b) => a + b, 0n);
  return cells;
}

const negate = (v: string) => (v.startsWith('-') ? v.slice(1) : `-${v}`);
/** a − b, exactly (platform sumMoney over the negated b). */
export const subtractMoney = (a: string, b: string) => sumMoney([a, negate(b)]);
/** −1, 0 or 1 as a is below, equal to or above b. */
export function compareMoney(a: string, b: string): number {
  const d = subtractMoney(a, b);
  return /^-?0\.00$/.test(d) ? 0 : d.startsWith('-') ? -1 : 1;
}
