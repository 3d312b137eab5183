import { type CustomerPoolRules, customerPoolRulesSchema } from '@contracts/customer-pool.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

const KEY = 'customer_pool_rules';

/** Off until the admin switches it on: nobody's customers leave him on the day of an upgrade. */
export const DEFAULT_CUSTOMER_POOL_RULES: CustomerPoolRules = {
  autoReturn: false,
  noFollowUpDays: 30,
  noDealDays: null,
  warnDays: 3,
  keyCustomersExempt: true,
  maxClaimsPerDay: 10,
  maxHeld: 500,
  reclaimCooldownDays: 7,
  departmentIds: [],
};

export async function customerPoolRules(db: Db): Promise<CustomerPoolRules> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = customerPoolRulesSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_CUSTOMER_POOL_RULES;
}

export async function saveCustomerPoolRules(db: Db, rules: CustomerPoolRules): Promise<void> {
  const value = JSON.stringify(rules);
  await db
    .insertInto('app_settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}
