import type { TimelinessCheck } from '@contracts/data-timeliness.js';

export type Figure = { bad: number; total: number };
export type Figures = Record<TimelinessCheck, Figure>;

/**
 * T7 score, 0–100: the average, over the checks that have rows to look at, of the share of good rows,
 * times 100, rounded. Each check weighs the same, whatever its number of rows: a rep with 2 stale deals
 * of 4 and every follow-up on time scores 100 × (0.5 + 1) ÷ 2 = 75. Nothing to look at: no score (null),
 * rather than a perfect one for doing nothing.
 */
export function timelinessScore(f: Figures): number | null {
  const checked = Object.values(f).filter((x) => x.total > 0);
  if (checked.length === 0) return null;
  const good = checked.reduce((sum, x) => sum + (x.total - x.bad) / x.total, 0);
  return Math.round((100 * good) / checked.length);
}

export const emptyFigures = (): Figures => ({
  stale: { bad: 0, total: 0 },
  overdue: { bad: 0, total: 0 },
  late: { bad: 0, total: 0 },
  incomplete: { bad: 0, total: 0 },
});
