import { type GradingRules, gradingRulesSchema } from '@contracts/grading.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

const KEY = 'grading_rules';

/** Off until the admin switches it on, so no grade changes on the day of an upgrade. */
export const DEFAULT_GRADING_RULES: GradingRules = {
  enabled: false,
  periodMonths: 12,
  contributionFullAmount: '1000000.00',
  weights: { contribution: 60, credit: 20, potential: 20 },
  thresholds: [
    { grade: 'A', minScore: 80 },
    { grade: 'B', minScore: 60 },
    { grade: 'C', minScore: 30 },
    { grade: 'D', minScore: 0 },
  ],
};

export async function gradingRules(db: Db): Promise<GradingRules> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = gradingRulesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_GRADING_RULES;
}

export async function saveGradingRules(db: Db, rules: GradingRules): Promise<void> {
  const value = JSON.stringify(rules);
  await db
    .insertInto('app_settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}
