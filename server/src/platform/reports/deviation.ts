/*
 * O7: when is a rep's share of something (open deals in a stage, today; the daily report's and the
 * dashboard's "who needs attention" next) really different from the team's?
 *
 * Two conditions, both shown to the manager:
 *   1. points:   |rep's share − team's share| > `points` (one-decimal percentages, as read on screen);
 *   2. unlikely: an exact two-sided binomial test says a share this far from the team's is unlikely by
 *                chance for the rep's number of deals — p-value < 1 − confidence. A rep with 8 open deals
 *                and none in 报价 while the team has 10 % there is no news (0.9⁸ ≈ 43 % of such reps
 *                look like that); with 80 deals and none it is (0.9⁸⁰ ≈ 0.02 %).
 * A cell is flagged only when both hold. Pure functions: no database, no clock.
 */

export interface DeviationRule {
  /** Condition 1: more than this many percentage points away from the team. */
  points: number;
  /** Condition 2: the confidence in percent (e.g. 95): flagged when the p-value is below 1 − confidence. */
  confidence: number;
}

export interface ShareDeviation {
  /** The rep's and the team's shares in percent, one decimal. */
  share: number;
  teamShare: number;
  /** rep's share − team's share, one decimal (on the shares shown, so what is flagged is what one reads). */
  deviation: number;
  /** Two-sided exact binomial p-value of the rep's count out of his n at the team's proportion. */
  pValue: number;
  outsidePoints: boolean;
  unlikely: boolean;
  flagged: boolean;
}

/** A share in percent with one decimal; 0 of 0 is 0. */
export const sharePercent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

// ln(k!) for k = 0 … grows on demand; deal counts stay in the thousands.
const logFactorials: number[] = [0];
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials[i] = logFactorials[i - 1] + Math.log(i);
  return logFactorials[k];
}

/** ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
const logPmf = (k: number, n: number, p: number) =>
  logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p);

/**
 * Exact two-sided binomial test (the "minimum likelihood" p-value R's binom.test uses): the
 * probability of every outcome no more likely than the one observed. 1 when there is nothing to test.
 *
 * The probabilities rise to the mode and fall after it, so the outcomes counted are two tails: [0, a]
 * and [b, n], their inner ends found by bisection. Each tail is summed outward from its inner end and
 * stops once a term no longer changes the sum — a funnel of 2,000 reps with 1,000 deals each costs a
 * few milliseconds, not a walk over every outcome of every cell.
 */
export function binomialTwoSidedP(k: number, n: number, p: number): number {
  if (n <= 0) return 1;
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  const at = (i: number) => logPmf(i, n, p);
  // R's relative tolerance, so outcomes exactly as likely as the observed one are not lost to rounding.
  const limit = at(k) + Math.log1p(1e-7);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  // Last i ≤ mode no more likely than observed (the rise is non-decreasing): -1 if none.
  let lo = -1;
  let hi = mode;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (at(mid) <= limit) lo = mid;
    else hi = mid - 1;
  }
  const a = lo;
  // First i ≥ mode no more likely than observed (the fall is non-increasing): n + 1 if none.
  lo = Math.max(mode, a + 1);
  hi = n + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid) <= limit) hi = mid;
    else lo = mid + 1;
  }
  const b = lo;
  const tail = (from: number, step: 1 | -1, end: number) => {
    let sum = 0;
    for (let i = from; step > 0 ? i <= end : i >= end; i += step) {
      const term = Math.exp(at(i));
      sum += term;
      if (term <= sum * 1e-17) break;
    }
    return sum;
  };
  return Math.min(1, (a >= 0 ? tail(a, -1, 0) : 0) + (b <= n ? tail(b, 1, n) : 0));
}

/**
 * One rep's count out of his n against the team's count out of its n (the team includes him: it is
 * the share the manager reads beside his).
 */
export function shareDeviation(count: number, n: number, teamCount: number, teamN: number, rule: DeviationRule): ShareDeviation {
  const share = sharePercent(count, n);
  const teamShare = sharePercent(teamCount, teamN);
  const deviation = Math.round((share - teamShare) * 10) / 10;
  const pValue = teamN > 0 ? binomialTwoSidedP(count, n, teamCount / teamN) : 1;
  const outsidePoints = Math.abs(deviation) > rule.points;
  const unlikely = pValue < 1 - rule.confidence / 100;
  return { share, teamShare, deviation, pValue, outsidePoints, unlikely, flagged: outsidePoints && unlikely };
}

/**
 * "Who needs attention": a rep's counts per category (stages, activity kinds …) against the team's,
 * with the categories flagged by both conditions. The daily report and the dashboard use the same rule
 * as the funnel, so a name on one is a name on the others.
 */
export function needsAttention(repCounts: readonly number[], teamCounts: readonly number[], rule: DeviationRule) {
  const n = repCounts.reduce((s, c) => s + c, 0);
  const teamN = teamCounts.reduce((s, c) => s + c, 0);
  const cells = repCounts.map((c, i) => shareDeviation(c, n, teamCounts[i] ?? 0, teamN, rule));
  const flagged = cells.flatMap((c, i) => (c.flagged ? [i] : []));
  return { n, cells, flagged, needsAttention: flagged.length > 0 };
}

/**
 * "Who needs attention" over a whole team: each rep's counts per category against everyone's together
 * (the team is the reps given), the reps with a flag only, most flags first, then most deals.
 */
export function whoNeedsAttention<R extends { counts: readonly number[] }>(reps: readonly R[], rule: DeviationRule) {
  const width = Math.max(0, ...reps.map((r) => r.counts.length));
  const team = Array.from({ length: width }, (_, i) => reps.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  return reps
    .map((rep) => ({ rep, ...needsAttention(rep.counts, team, rule) }))
    .filter((r) => r.needsAttention)
    .sort((a, b) => b.flagged.length - a.flagged.length || b.n - a.n);
}
