import type { DeviationRule } from '../../platform/reports/deviation.js';
import { type ReportSettings, reportSettingsSchema } from '@contracts/pipeline-reports.js';
import { type RawBuilder, sql } from 'kysely';
import { saveSetting } from '../../platform/app-settings.js';
import type { Db } from '../../platform/db/database.js';

const KEY = 'pipeline_reports';

/** Seed 002: counted from 70 %; seed 002's funnel example flags a 5-point gap (报价 under 5 % against 10 %). */
/** O7: a flag also needs the gap to be unlikely by chance at 95 % (see platform/reports/deviation.ts). */
const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  forecastThreshold: 70,
  deviationPoints: 5,
  deviationConfidence: 95,
  industrySource: 'customer',
};

export async function reportSettings(db: Db): Promise<ReportSettings> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = reportSettingsSchema.partial().safeParse(row?.value ?? {});
  const saved = parsed.success ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) : {};
  return { ...DEFAULT_REPORT_SETTINGS, ...saved };
}

export async function saveReportSettings(db: Db, settings: ReportSettings): Promise<ReportSettings> {
  await saveSetting(db, KEY, settings);
  return settings;
}

/**
 * One numeric setting as a SQL expression, so a report reads it in the same statement as its
 * figures (one round trip); the default is the same constant as above.
 */
export function settingSql(name: 'forecastThreshold' | 'deviationPoints' | 'deviationConfidence'): RawBuilder<number> {
  return sql<number>`coalesce((SELECT (value ->> ${name})::numeric FROM app_settings WHERE key = ${KEY}), ${DEFAULT_REPORT_SETTINGS[name]}::numeric)`;
}

/** O7: the funnel's rule as the admin set it, for every report that says "who needs attention". */
export async function deviationRule(db: Db): Promise<DeviationRule> {
  const s = await reportSettings(db);
  return { points: s.deviationPoints, confidence: s.deviationConfidence };
}
