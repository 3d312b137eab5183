import type { PicklistName } from '@contracts/picklists.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { DEFAULT_PICKLISTS } from './default-picklists.js';

/** Which table columns hold a picklist's codes; domains register so "in use" needs no switch. */
const usages: { list: PicklistName; table: string; column: string; array?: boolean }[] = [];
export function registerPicklistUsage(u: (typeof usages)[number]): void {
  usages.push(u);
}

export async function ensureDefaultPicklists(db: Db): Promise<void> {
  const rows = Object.entries(DEFAULT_PICKLISTS).flatMap(([list, values]) =>
    values.map(([code, zhCN, zhTW, en], i) => ({
      list,
      code,
      label_zh_cn: zhCN,
      label_zh_tw: zhTW,
      label_en: en,
      sort_order: (i + 1) * 10,
    })),
  );
  await db
    .insertInto('picklist_values')
    .values(rows)
    .onConflict((oc) => oc.columns(['list', 'code']).doNothing())
    .execute();
}

type ValueRow = {
  id: string;
  list: string;
  code: string;
  label_zh_cn: string;
  label_zh_tw: string;
  label_en: string;
  sort_order: number;
  active: boolean;
  version: number;
};
export const toPicklistApi = (r: ValueRow) => ({
  id: r.id,
  list: r.list,
  code: r.code,
  labels: { 'zh-CN': r.label_zh_cn, 'zh-TW': r.label_zh_tw, en: r.label_en },
  sortOrder: r.sort_order,
  active: r.active,
  version: r.version,
});

/** Rejects codes that are not an active value of the list (inactive values stay valid on records that already hold them). */
export async function assertPicklistCodes(
  trx: Db,
  list: PicklistName,
  codes: (string | null | undefined)[],
  field: string,
  previous: (string | null | undefined)[] = [],
): Promise<void> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c && !previous.includes(c)))];
  if (wanted.length === 0) return;
  const found = await trx
    .selectFrom('picklist_values')
    .select('code')
    .where('list', '=', list)
    .where('code', 'in', wanted)
    .where('active', '=', true)
    .execute();
  if (found.length !== wanted.length) throw new AppError('VALIDATION', { fields: { [field]: { key: 'picklist' } } });
}

export async function isPicklistValueUsed(db: Db, list: string, code: string): Promise<boolean> {
  for (const u of usages.filter((x) => x.list === list)) {
    const cond = u.array ? sql`${code} = ANY(${sql.ref(u.column)})` : sql`${sql.ref(u.column)} = ${code}`;
    const { rows } = await sql`SELECT 1 FROM ${sql.table(u.table)} WHERE ${cond} LIMIT 1`.execute(db);
    if (rows.length > 0) return true;
  }
  return false;
}
