import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from './db/database.js';

/**
 * Company settings are one JSON value per key in app_settings, read through the domain's Zod
 * schema: a value that no longer parses (an older release's shape) gives the defaults, never a 500.
 */
export async function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : fallback;
}

export async function saveSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('app_settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: sql`now()` }))
    .execute();
}
