import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { BatchContext, Candidate } from './import-registry.js';

// Pieces the registered imports build their duplicate checks from (C9 rules, in SQL, one query per batch).

/** Reports a problem on a row; by default it counts as a duplicate (skipped, not wrong). */
export function flagProblem(c: Candidate, field: string, message: string, duplicate = true): void {
  c.problems.push({ field, message });
  c.duplicate ||= duplicate;
}

/** company_name_key() for a batch of names, in the database, so the file and the table agree on the rule. */
export async function companyNameKeys(db: Db, names: string[]): Promise<string[]> {
  const { rows } = await sql<{ k: string | null }>`
    SELECT company_name_key(x) AS k FROM unnest(${names}::text[]) WITH ORDINALITY AS t(x, i) ORDER BY i`.execute(db);
  return rows.map((r) => r.k ?? '');
}

const lowerOrNull = (v: unknown) => (typeof v === 'string' && v ? v.toLowerCase() : null);

/**
 * Same mobile, phone or e-mail as a live row of `table` (or an earlier row of the file) is the same
 * person. `table` has the columns mobile, phone and email; `extra` narrows which of its rows count.
 */
export async function personDuplicates(
  db: Db,
  ctx: BatchContext,
  batch: Candidate[],
  table: string,
  extra = sql`true`,
): Promise<Set<number>> {
  const mobiles = batch.map((c) => (c.body.mobile as string) || null);
  const phones = batch.map((c) => (c.body.phone as string) || null);
  const emails = batch.map((c) => lowerOrNull(c.body.email));
  const { rows } = await sql<{ m: string | null; p: string | null; e: string | null }>`
    SELECT mobile AS m, phone AS p, lower(email) AS e FROM ${sql.table(table)}
     WHERE deleted_at IS NULL AND ${extra}
       AND (mobile = ANY(${mobiles.filter(Boolean)}::text[]) OR phone = ANY(${phones.filter(Boolean)}::text[])
            OR lower(email) = ANY(${emails.filter(Boolean)}::text[]))`.execute(db);
  const known = new Set(rows.flatMap((r) => [r.m && `m:${r.m}`, r.p && `m:${r.p}`, r.e && `e:${r.e}`]).filter(Boolean) as string[]);
  const hit = new Set<number>();
  batch.forEach((c, i) => {
    const keys = [mobiles[i] && `m:${mobiles[i]}`, phones[i] && `m:${phones[i]}`, emails[i] && `e:${emails[i]}`].filter(
      Boolean,
    ) as string[];
    if (c.problems.length === 0 && ctx.skipDuplicates) {
      const field = emails[i] && keys.includes(`e:${emails[i]}`) ? 'email' : mobiles[i] ? 'mobile' : 'phone';
      if (keys.some((k) => known.has(k))) {
        flagProblem(c, field, ctx.message('import_duplicate'));
        hit.add(i);
      } else if (keys.some((k) => ctx.seen.has(`${table}:${k}`))) {
        flagProblem(c, field, ctx.message('import_duplicate_in_file'));
        hit.add(i);
      }
    }
    for (const k of keys) ctx.seen.add(`${table}:${k}`);
  });
  return hit;
}
