import type { TargetCell } from '@contracts/targets.js';
import type { z } from 'zod';
import type { splitBody } from '@contracts/targets.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { departmentClosure } from '../../platform/access/department-subtree.js';
import type { Db } from '../../platform/db/database.js';
import { fieldError } from '../../platform/http/errors.js';
import { gridRows } from './target-grid.js';
import { dimensionWindow, targetMeasure } from './target-measures.js';
import { type Env, findTarget } from './target-service.js';
import { evenSplit, fromUnits, shareSplit, toUnits } from './target-split.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const keyOf = (c: { userId: string | null; departmentId: string | null }) => c.userId ?? `d:${c.departmentId}`;

/** Each sub-department row's whole subtree, so last year's actuals of its people count for it. */
async function subtrees(db: Db, departmentIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (departmentIds.length === 0) return out;
  const { rows } = await sql<{ ancestor: string; descendant: string }>`
    WITH RECURSIVE ${departmentClosure(sql`d.id = ANY(${sql.val(departmentIds)}::uuid[])`)}
    SELECT ancestor, descendant FROM closure`.execute(db);
  for (const r of rows) out.set(r.descendant, r.ancestor);
  return out;
}

/**
 * A proposal for the grid, not saved: the whole target over the chosen rows × 12 months, evenly or in
 * last year's proportions of the same type (each row's actual in each month of the year before). The
 * manager adjusts it in the grid and saves; the cells always add up to the target to the fen.
 */
export async function proposeSplit(db: Db, actor: Actor, env: Env, id: string, body: z.infer<typeof splitBody>): Promise<TargetCell[]> {
  const target = await findTarget(db, actor, id);
  const allowed = new Set((await gridRows(db, id, target.department_id)).map(keyOf));
  const rows = body.rows;
  rows.forEach((r, i) => {
    if (!allowed.has(keyOf(r)) || (r.userId !== null) === (r.departmentId !== null)) throw fieldError(`rows.${i}`, 'target_row');
  });
  const total = toUnits(target.type, target.amount);
  let units: bigint[] | null;
  if (body.method === 'even') {
    units = evenSplit(total, rows.length * 12);
  } else {
    const window = {
      from: `${target.year - 1}-01-01`,
      toExclusive: `${target.year}-01-01`,
      timeZone: env.timeZone,
      ...dimensionWindow(target),
    };
    const actuals = await targetMeasure(target.type).actuals(db, actor, window);
    const unitOf = await subtrees(
      db,
      rows.filter((r) => r.departmentId).map((r) => r.departmentId as string),
    );
    const weight = new Map<string, bigint>();
    for (const a of actuals) {
      const month = Number(a.month.slice(5, 7));
      const unit = a.ownerDeptId ? unitOf.get(a.ownerDeptId) : undefined;
      for (const key of [a.ownerId, unit ? `d:${unit}` : null]) {
        if (!key) continue;
        const k = `${key}|${month}`;
        weight.set(k, (weight.get(k) ?? 0n) + toUnits(target.type, a.value.replace(/^-.*/, '0')));
      }
    }
    units = shareSplit(
      total,
      rows.flatMap((r) => MONTHS.map((m) => weight.get(`${keyOf(r)}|${m}`) ?? 0n)),
    );
    if (!units) throw fieldError('method', 'target_no_last_year');
  }
  const split = units;
  return rows.flatMap((r, i) =>
    MONTHS.map((month, j) => ({
      userId: r.userId,
      departmentId: r.departmentId,
      month,
      amount: fromUnits(target.type, split[i * 12 + j]),
    })),
  );
}
