import { type OpportunitySettings, opportunitySettingsSchema } from '@contracts/opportunities.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

const KEY = 'opportunity_settings';

/** Two weeks without a follow-up is how long a deal may sit before the manager hears of it. */
export const DEFAULT_OPPORTUNITY_SETTINGS: OpportunitySettings = { stalledNoFollowUpDays: 14 };

export async function opportunitySettings(db: Db): Promise<OpportunitySettings> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = opportunitySettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_OPPORTUNITY_SETTINGS;
}

export async function saveOpportunitySettings(db: Db, settings: OpportunitySettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('app_settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}
