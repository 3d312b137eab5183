import { type DailyReportSettings, dailyReportSettingsSchema } from '@contracts/daily-reports.js';
import { readSetting, saveSetting } from '../../platform/app-settings.js';
import type { Db } from '../../platform/db/database.js';

const KEY = 'daily_report_settings';

/** 18:00: after the day's calls and visits, before people go home (the company may change it). */
export const DEFAULT_DAILY_REPORT_SETTINGS: DailyReportSettings = { sendAt: '18:00', emailEnabled: true };

export const dailyReportSettings = (db: Db) => readSetting(db, KEY, dailyReportSettingsSchema, DEFAULT_DAILY_REPORT_SETTINGS);
export const saveDailyReportSettings = (db: Db, settings: DailyReportSettings) => saveSetting(db, KEY, settings);
