import { describe, expect, it } from 'vitest';
import { binomialTwoSidedP, needsAttention, shareDeviation, sharePercent, whoNeedsAttention } from './deviation.js';

const RULE = { points: 5, confidence: 95 };

describe('exact two-sided binomial test', () => {
  it('gives 1 when the observed count is the most likely one (0 of 8 at 10 %: 0.9⁸ = 0.43 is the mode)', () => {
    expect(binomialTwoSidedP(0, 8, 0.1)).toBeCloseTo(1, 10);
  });
  it('sums every outcome no more likely than the observed: 2 of 8 at 10 % = 1 − P(0) − P(1)', () => {
    // P(0) = 0.9⁸ = 0.43046721, P(1) = 8 · 0.1 · 0.9⁷ = 0.38263752, every other outcome ≤ P(2) = 0.14880348.
    expect(binomialTwoSidedP(2, 8, 0.1)).toBeCloseTo(1 - 0.43046721 - 0.38263752, 8);
  });
  it('matches the exact sums for 80 deals (computed with exact fractions)', () => {
    // 0.9⁸⁰ = 0.000218474… plus the upper tail from 17 deals on.
    expect(binomialTwoSidedP(0, 80, 0.1)).toBeCloseTo(0.0004979201646, 12);
    expect(binomialTwoSidedP(20, 80, 0.1)).toBeCloseTo(0.00009198010444, 12);
  });
  it('equals the sum over every outcome (the definition) for many counts, sizes and shares', () => {
    const lf = (x: number) => Array.from({ length: x }, (_, i) => Math.log(i + 1)).reduce((s, v) => s + v, 0);
    const definition = (k: number, n: number, p: number) => {
      const pmf = (i: number) => Math.exp(lf(n) - lf(i) - lf(n - i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
      const observed = pmf(k) * (1 + 1e-7);
      let sum = 0;
      for (let i = 0; i <= n; i++) if (pmf(i) <= observed) sum += pmf(i);
      return Math.min(1, sum);
    };
    for (const n of [1, 2, 7, 8, 20, 80, 333])
      for (const p of [0.01, 0.1, 0.25, 0.5, 0.9])
        for (const k of new Set([0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 1, n].filter((x) => x >= 0 && x <= n)))
          expect(binomialTwoSidedP(k, n, p), `${k} of ${n} at ${p}`).toBeCloseTo(definition(k, n, p), 12);
  });
  it('handles shares of 0 and 100 % and empty counts', () => {
    expect(binomialTwoSidedP(0, 5, 0)).toBe(1);
    expect(binomialTwoSidedP(1, 5, 0)).toBe(0);
    expect(binomialTwoSidedP(5, 5, 1)).toBe(1);
    expect(binomialTwoSidedP(0, 0, 0.3)).toBe(1);
  });
});

describe('stage share deviation (O7): points and chance, both', () => {
  it('does not flag a rep with 8 deals and none in 报价 while the team has 10 %: chance explains it', () => {
    const d = shareDeviation(0, 8, 10, 100, RULE);
    expect(d).toMatchObject({ share: 0, teamShare: 10, deviation: -10, outsidePoints: true, unlikely: false, flagged: false });
  });
  it('flags the same shares with 80 deals', () => {
    const d = shareDeviation(0, 80, 100, 1000, RULE);
    expect(d).toMatchObject({ share: 0, teamShare: 10, deviation: -10, outsidePoints: true, unlikely: true, flagged: true });
    expect(d.pValue).toBeLessThan(0.001);
  });
  it('flags 25 % against 10 % at 80 deals, not at 8', () => {
    expect(shareDeviation(2, 8, 10, 100, RULE).flagged).toBe(false);
    expect(shareDeviation(20, 80, 100, 1000, RULE)).toMatchObject({ deviation: 15, flagged: true });
  });
  it('keeps the points rule: an unlikely but small gap is not flagged', () => {
    // 300 of 1,000 deals against 33 %: 3 points, statistically clear, below the 5 points.
    const d = shareDeviation(300, 1000, 3300, 10000, RULE);
    expect(d.unlikely).toBe(true);
    expect(d).toMatchObject({ deviation: -3, outsidePoints: false, flagged: false });
  });
  it('takes the confidence from the rule: 0 of 10 at 10 % (p = 0.61) is never unlikely, 3 of 10 (p = 0.070) at 90 %', () => {
    expect(shareDeviation(0, 10, 10, 100, { points: 5, confidence: 80 }).unlikely).toBe(false);
    expect(shareDeviation(3, 10, 10, 100, RULE).unlikely).toBe(false);
    expect(shareDeviation(3, 10, 10, 100, { points: 5, confidence: 90 }).flagged).toBe(true);
  });
  it('needs more than the configured points, on the one-decimal shares shown', () => {
    // 1 of 20 = 5 % against 10 %: exactly 5 points is not "more than 5"; 9 of 20 = 45 % against 40 % neither.
    expect(shareDeviation(1, 20, 10, 100, RULE)).toMatchObject({ deviation: -5, outsidePoints: false });
    expect(shareDeviation(9, 20, 40, 100, RULE)).toMatchObject({ deviation: 5, outsidePoints: false });
    expect(shareDeviation(451, 1000, 40, 100, RULE)).toMatchObject({ deviation: 5.1, outsidePoints: true });
  });
  it('computes shares in percent with one decimal', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(0, 0)).toBe(0);
  });
});

describe('who needs attention', () => {
  it('names the categories flagged by both conditions', () => {
    const team = [300, 400, 200, 100];
    expect(needsAttention([3, 3, 2, 0], team, RULE)).toMatchObject({ n: 8, flagged: [], needsAttention: false });
    const big = needsAttention([26, 35, 19, 0], team, RULE);
    expect(big.n).toBe(80);
    expect(big.flagged).toEqual([3]);
    expect(big.needsAttention).toBe(true);
  });
});

describe('who needs attention across a team', () => {
  it('names only the reps whose gap is both wide and unlikely: 8 deals no, 80 deals yes', () => {
    // Team of three: the same shares 25 / 37.5 / 37.5 / 0 at 8 and at 80 deals, and one rep heavy in 报价.
    // Together 24 / 35 / 35 / 14 of 108 — the funnel test's figures (funnel.test.ts).
    const reps = [
      { name: '八单', counts: [2, 3, 3, 0] },
      { name: '八十单', counts: [20, 30, 30, 0] },
      { name: '报价多', counts: [2, 2, 2, 14] },
    ];
    const names = whoNeedsAttention(reps, RULE).map((r) => [r.rep.name, r.flagged]);
    expect(names).toEqual([
      ['报价多', [1, 2, 3]],
      ['八十单', [3]],
    ]);
  });
});
