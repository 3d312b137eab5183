import type { Locale } from '@contracts/common.js';
import type { Db } from '../db/database.js';

/**
 * Every picklist value's label in one language, read once, for text the server writes (a report
 * file): `label(list, code)` is undefined for a code no longer in the list.
 */
export async function picklistLabels(db: Db, locale: Locale): Promise<(list: string, code: string) => string | undefined> {
  const column = locale === 'en' ? 'label_en' : locale === 'zh-TW' ? 'label_zh_tw' : 'label_zh_cn';
  const rows = await db
    .selectFrom('picklist_values')
    .select(['list', 'code', `${column} as label`])
    .execute();
  const labels = new Map(rows.map((r) => [`${r.list}:${r.code}`, r.label]));
  return (list, code) => labels.get(`${list}:${code}`);
}
