import type { GradingRules } from '@contracts/grading.js';

export type GradingInput = 'contribution' | 'credit' | 'potential';

export interface CustomerInputs {
  /** Signed amount in the period (decimal string); undefined when no domain provides it. */
  contribution?: string;
  /** 0–100; undefined when no domain provides it. */
  credit?: number;
  /** 0–100 set by a person; null when nobody has scored the customer. */
  potential: number | null;
}

/**
 * The score (0–100) from the inputs a customer has: the weighted average over those present, so
 * a missing input neither drags the score down nor counts as full marks. null: nothing to grade on.
 */
export function gradeScore(rules: GradingRules, inputs: CustomerInputs): number | null {
  const parts: [weight: number, score: number][] = [];
  if (inputs.contribution !== undefined) {
    const full = Number(rules.contributionFullAmount);
    // A ratio for a score, not a money sum: converting the two decimals to numbers is exact enough.
    const ratio = full > 0 ? Number(inputs.contribution) / full : 0;
    parts.push([rules.weights.contribution, Math.max(0, Math.min(100, ratio * 100))]);
  }
  if (inputs.credit !== undefined) parts.push([rules.weights.credit, Math.max(0, Math.min(100, inputs.credit))]);
  if (inputs.potential !== null) parts.push([rules.weights.potential, inputs.potential]);
  const weight = parts.reduce((s, [w]) => s + w, 0);
  if (weight === 0) return null;
  return Math.round((parts.reduce((s, [w, v]) => s + w * v, 0) / weight) * 100) / 100;
}

/** The first grade (highest first) whose minimum the score reaches. */
export function gradeFor(rules: GradingRules, score: number): string | null {
  const sorted = [...rules.thresholds].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((t) => score >= t.minScore)?.grade ?? null;
}
