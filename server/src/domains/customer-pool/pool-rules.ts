import { type CustomerPoolRules, customerPoolRulesSchema } from '@contracts/customer-pool.js';
import { readSetting, saveSetting } from '../../platform/app-settings.js';
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

export const customerPoolRules = (db: Db) => readSetting(db, KEY, customerPoolRulesSchema, DEFAULT_CUSTOMER_POOL_RULES);
export const saveCustomerPoolRules = (db: Db, rules: CustomerPoolRules) => saveSetting(db, KEY, rules);
