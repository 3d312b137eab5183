import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { actorUserId } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { writeHistory } from '../../platform/records/history.js';
import { type GradingInput, gradeFor, gradeScore } from './grade-score.js';
import { gradingProviders } from './grading-inputs.js';
import { gradingRules } from './grading-rules.js';

const BATCH = 1000;

/**
 * C7: re-grades customers whose grade is the rules' (never a manual one), in batches. A changed
 * grade is written with its score in the customer's history, by the caller or the system.
 */
export async function evaluateGrades(trx: Db, actor: Actor, now: Date, opts: { customerIds?: string[]; force?: boolean } = {}) {
  const rules = await gradingRules(trx);
  const { contribution, credit } = gradingProviders();
  const inputs: GradingInput[] = [...(contribution ? ['contribution' as const] : []), ...(credit ? ['credit' as const] : []), 'potential'];
  if (!rules.enabled && !opts.force) return { evaluated: 0, changed: 0, inputs };
  const since = new Date(now);
  since.setMonth(since.getMonth() - rules.periodMonths);
  let evaluated = 0;
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    let q = trx
      .selectFrom('customers')
      .select(['id', 'grade', 'potential_score'])
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('grade_source', 'is', null), eb('grade_source', '=', 'auto')]))
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH);
    if (opts.customerIds) q = q.where('id', 'in', opts.customerIds.length ? opts.customerIds : [after]);
    const rows = await q.execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const ids = rows.map((r) => r.id);
    const amounts = contribution ? await contribution(trx, ids, since) : null;
    const credits = credit ? await credit(trx, ids, now) : null;
    for (const r of rows) {
      evaluated++;
      const score = gradeScore(rules, {
        contribution: amounts ? (amounts.get(r.id) ?? '0') : undefined,
        credit: credits ? (credits.get(r.id) ?? 100) : undefined,
        potential: r.potential_score,
      });
      if (score === null) continue;
      const grade = gradeFor(rules, score);
      await trx
        .updateTable('customers')
        .set({
          grade,
          grade_source: 'auto',
          grade_evaluated_at: now,
          ...(grade !== r.grade ? { version: sql`version + 1`, updated_at: now, updated_by: actorUserId(actor) } : {}),
        })
        .where('id', '=', r.id)
        .execute();
      if (grade !== r.grade) {
        changed++;
        await writeHistory(trx, actor, {
          entity: 'customer',
          recordId: r.id,
          action: 'update',
          at: now,
          changes: [
            { field: 'grade', old: r.grade, new: grade },
            { field: 'grade_score', old: null, new: score },
          ],
        });
      }
    }
    if (rows.length < BATCH) break;
  }
  return { evaluated, changed, inputs };
}
