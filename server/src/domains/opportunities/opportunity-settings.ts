import { type OpportunitySettings, opportunitySettingsSchema } from '@contracts/opportunities.js';
import { readSetting, saveSetting } from '../../platform/app-settings.js';
import type { Db } from '../../platform/db/database.js';

const KEY = 'opportunity_settings';

/** Two weeks without a follow-up is how long a deal may sit before the manager hears of it. */
const DEFAULT_OPPORTUNITY_SETTINGS: OpportunitySettings = { stalledNoFollowUpDays: 14 };

export const opportunitySettings = (db: Db) => readSetting(db, KEY, opportunitySettingsSchema, DEFAULT_OPPORTUNITY_SETTINGS);
export const saveOpportunitySettings = (db: Db, settings: OpportunitySettings) => saveSetting(db, KEY, settings);
