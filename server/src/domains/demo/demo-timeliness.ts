import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

// Seed 000 (数据的准确和及时是精细化控制的基础): not every rep keeps his data up to date. Three reps
// write up some of their visits days after they happened, two leave customers' phone or industry
// blank — so 数据及时性 has someone to talk to, and most of the team looks fine.
const LATE_LOGGERS = ['wang.hz2', 'chu.sz2', 'shen.tj1'];
const BLANK_FIELDS = ['jiang.bj2', 'feng.gz1'];

/** T7 on the first start: the gaps above, in the rows the demo already has (picked by id, so every start looks alike). */
export async function seedDemoTimeliness(trx: Db, users: Map<string, { id: string }>) {
  const ids = (names: string[]) => names.map((n) => users.get(n)?.id).filter((id): id is string => Boolean(id));
  const late = ids(LATE_LOGGERS);
  const blank = ids(BLANK_FIELDS);
  if (late.length > 0) {
    // About half of their follow-ups of the last month, logged 2–5 days late (never in the future).
    await sql`
      WITH picked AS (
        SELECT id, occurred_at + make_interval(days => 2 + (get_byte(decode(md5(id::text), 'hex'), 1) % 4)) AS logged
          FROM follow_ups
         WHERE owner_id = ANY(${sql.val(late)}::uuid[]) AND deleted_at IS NULL AND occurred_at > now() - interval '35 days'
           AND get_byte(decode(md5(id::text), 'hex'), 0) % 2 = 0
      ), moved AS (
        UPDATE follow_ups f SET created_at = least(p.logged, now()), updated_at = least(p.logged, now())
          FROM picked p WHERE f.id = p.id RETURNING f.id, f.created_at
      )
      UPDATE record_history h SET at = m.created_at FROM moved m
       WHERE h.entity = 'follow_up' AND h.record_id = m.id AND h.action = 'create'`.execute(trx);
  }
  if (blank.length > 0) {
    await sql`
      UPDATE customers SET phone = CASE WHEN get_byte(decode(md5(id::text), 'hex'), 0) % 2 = 0 THEN NULL ELSE phone END,
                           industry = CASE WHEN get_byte(decode(md5(id::text), 'hex'), 0) % 2 = 1 THEN NULL ELSE industry END
       WHERE owner_id = ANY(${sql.val(blank)}::uuid[]) AND deleted_at IS NULL
         AND get_byte(decode(md5(id::text), 'hex'), 2) % 4 = 0`.execute(trx);
  }
}
