import type { Db } from '../../platform/db/database.js';
import { seedDemoSales } from './demo-sales.js';
import { seedDemoTimeliness } from './demo-timeliness.js';

/** Issue 13's analysis pages on the first start: half a year of repeat orders (T5) and a few reps behind with their data (T7). */
export async function seedDemoInsights(trx: Db, users: Map<string, { id: string }>) {
  await seedDemoSales(trx, users);
  await seedDemoTimeliness(trx, users);
}
