import { type TimelinessSettings, timelinessSettingsSchema } from '@contracts/data-timeliness.js';
import { readSetting, saveSetting } from '../../platform/app-settings.js';
import type { Db } from '../../platform/db/database.js';

const KEY = 'data_timeliness';

/** Two weeks without a touch is stale (seed 000's 及时); a follow-up written two days or more after it happened is late. */
const DEFAULTS: TimelinessSettings = { staleDays: 14, lateDays: 2 };

export const timelinessSettings = (db: Db) => readSetting(db, KEY, timelinessSettingsSchema, DEFAULTS);

export async function saveTimelinessSettings(db: Db, settings: TimelinessSettings): Promise<TimelinessSettings> {
  await saveSetting(db, KEY, settings);
  return settings;
}
