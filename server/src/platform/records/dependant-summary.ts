import type { Locale } from '@contracts/common.js';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { planDeletion, refuseDeletion } from './dependant-cascade.js';
import { type DependantCount, countsPhrase } from './dependant-phrases.js';
import { type EntityDef, entityByName } from './entity-registry.js';

const toApi = (c: DependantCount, locale: Locale) => ({ entity: c.def.entity, label: c.def.label[locale], count: c.count });

/** The plan's steps summed per kind of record, in the order the relations were found. */
function perKind(steps: { def: EntityDef; children: unknown[] }[]): DependantCount[] {
  const counts = new Map<string, DependantCount>();
  for (const s of steps) {
    const c = counts.get(s.def.entity) ?? { def: s.def, count: 0 };
    c.count += s.children.length;
    counts.set(s.def.entity, c);
  }
  return [...counts.values()];
}

/**
 * For the delete confirmation: what would go into the bin with the record ('3 位联系人、2 个商机'),
 * counting every dependant (also colleagues' follow-ups: they go too), and what would refuse it.
 */
export async function dependantsSummary(db: Db, actor: Actor, def: EntityDef, row: Record<string, unknown>, locale: Locale) {
  const title = String(row[def.titleColumn] ?? '');
  const plan = await planDeletion(db, actor, def, [{ id: String(row.id), title }]);
  const cascade = perKind(plan.steps);
  return {
    cascade: cascade.map((c) => toApi(c, locale)),
    cascadeText: cascade.length ? countsPhrase(cascade)[locale] : null,
    restrict: plan.blockers.map((b) => ({ ...toApi(b, locale), titles: b.titles ?? [] })),
    restrictMessage: plan.blockers.length ? refuseDeletion(def, title, plan.blockers).toBody(locale).error.message : null,
  };
}

/** For a page of the bin: how many records of each kind went in with each listed record. */
export async function withItCounts(db: Db, rows: { entity: string; id: string }[], locale: Locale) {
  const { rows: counted } = rows.length
    ? await sql<{ root_entity: string; root_id: string; entity: string; n: number }>`
        SELECT root_entity, root_id, entity, count(*)::int AS n FROM record_deleted_with
         WHERE root_id = ANY(${sql.val(rows.map((r) => r.id))}::uuid[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db)
    : { rows: [] };
  return (item: { entity: string; id: string }) => {
    const counts = counted
      .filter((c) => c.root_entity === item.entity && c.root_id === item.id)
      .flatMap((c) => {
        const def = entityByName(c.entity);
        return def ? [{ def, count: c.n }] : [];
      });
    return { withIt: counts.map((c) => toApi(c, locale)), withItText: counts.length ? countsPhrase(counts)[locale] : null };
  };
}
