import type { Db } from '../../platform/db/database.js';

/**
 * C7 grading inputs that other domains know: contribution (the amount a customer signed in the
 * period, from contracts) and credit (a 0–100 score from overdue payments, from receivables).
 * They register here; an input nobody provides is left out of the score, its weight with it.
 */
export type ContributionProvider = (db: Db, customerIds: string[], since: Date) => Promise<Map<string, string>>;
/** `now`: the evaluation's instant (the app's clock), so "overdue" and "the last 12 months" are the evaluation's. */
export type CreditProvider = (db: Db, customerIds: string[], now: Date) => Promise<Map<string, number>>;

let contribution: ContributionProvider | null = null;
let contributionRank = Number.NEGATIVE_INFINITY;
let credit: CreditProvider | null = null;

/**
 * One source counts what a customer signed; the better one wins whatever the import order: won deals
 * (rank 0) until contracts exist, then effective contracts (rank 10), which count deals without one.
 */
export function registerContributionProvider(p: ContributionProvider, rank = 0): void {
  if (rank < contributionRank) return;
  contribution = p;
  contributionRank = rank;
}

export function registerCreditProvider(p: CreditProvider): void {
  credit = p;
}

export const gradingProviders = () => ({ contribution, credit });
