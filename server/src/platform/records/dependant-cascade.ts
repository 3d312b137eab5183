import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { actorUserId } from '../access/actor.js';
import { scopeFilter } from '../access/data-scope.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { type DependantCount, countsPhrase, inSentence } from './dependant-phrases.js';
import { dependantsOf, parentsOf } from './dependant-registry.js';
import { type EntityDef, entityByName } from './entity-registry.js';

// Dependant tables are reached by name from the registries, like the record store does.
// biome-ignore lint/suspicious/noExplicitAny: generic over every record-base table
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

/** How many titles of blocking dependants a refusal names. */
const NAMED_BLOCKERS = 3;

interface Child {
  id: string;
  parentId: string;
  title: string;
}

/** One relation's live dependants found while planning a deletion: they go to the bin with their parents. */
interface CascadeStep {
  def: EntityDef;
  parent: EntityDef;
  children: Child[];
  /** Parent id → its title, for the history row that names it. */
  parentTitles: Map<string, string>;
}

export interface DeletionPlan {
  steps: CascadeStep[];
  /** Live dependants of a `restrict` relation anywhere in the tree: deleting is refused. */
  blockers: DependantCount[];
}

const idList = (ids: string[]) => sql`ANY(${sql.val(ids)}::uuid[])`;

function defOf(entity: string): EntityDef {
  const def = entityByName(entity);
  // A relation naming an unregistered entity is a programming error, not bad input.
  if (!def) throw new Error(`registerDependant names unknown entity '${entity}'`);
  return def;
}

/**
 * Walks the registered relations from the records about to be deleted, level by level (a
 * dependant's own dependants follow), collecting live dependants to cascade and the ones that
 * block. With `lock`, cascaded rows are locked so nothing edits them between plan and delete.
 */
export async function planDeletion(
  trx: Db,
  actor: Actor,
  root: EntityDef,
  roots: { id: string; title: string }[],
  lock = false,
): Promise<DeletionPlan> {
  const plan: DeletionPlan = { steps: [], blockers: [] };
  const seen = new Set(roots.map((r) => `${root.entity}:${r.id}`));
  let frontier = [{ def: root, titles: new Map(roots.map((r) => [r.id, r.title])) }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { def: parent, titles } of frontier) {
      const ids = [...titles.keys()];
      for (const rel of dependantsOf(parent.entity)) {
        const def = defOf(rel.entity);
        const live = (trx as AnyDb)
          .selectFrom(`${def.table} as t`)
          .where(sql.ref(`t.${rel.column}`), '=', idList(ids))
          .where('t.deleted_at', 'is', null);
        if (rel.onParentDelete === 'restrict') {
          const n = Number((await live.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst())?.n ?? 0);
          if (n === 0) continue;
          // Only titles the actor may see are named; the count is the whole truth.
          const named = await live
            .select(sql<string>`t.${sql.ref(def.titleColumn)}::text`.as('title'))
            .where(scopeFilter(actor, 't'))
            .orderBy('t.created_at')
            .limit(NAMED_BLOCKERS)
            .execute();
          plan.blockers.push({ def, count: n, titles: named.map((r) => String(r.title)) });
          continue;
        }
        let q = live.select([
          sql<string>`t.id`.as('id'),
          sql<string>`t.${sql.ref(rel.column)}`.as('parent_id'),
          sql<string>`t.${sql.ref(def.titleColumn)}::text`.as('title'),
        ]);
        if (lock) q = q.forUpdate();
        const rows = (await q.execute()) as { id: string; parent_id: string; title: string | null }[];
        const children = rows
          .filter((r) => !seen.has(`${def.entity}:${r.id}`))
          .map((r) => ({ id: r.id, parentId: r.parent_id, title: r.title ?? '' }));
        if (children.length === 0) continue;
        for (const c of children) seen.add(`${def.entity}:${c.id}`);
        plan.steps.push({ def, parent, children, parentTitles: titles });
        next.push({ def, titles: new Map(children.map((c) => [c.id, c.title])) });
      }
    }
    frontier = next;
  }
  return plan;
}

/** 409 naming what blocks the deletion: kind, count and the first few titles, also per field. */
export function refuseDeletion(def: EntityDef, title: string, blockers: DependantCount[]): AppError {
  return new AppError('HAS_DEPENDANTS', {
    params: { type: inSentence(def), title, list: countsPhrase(blockers) },
    fields: Object.fromEntries(blockers.map((b) => [b.def.entity, { key: 'has_dependants', params: { list: countsPhrase([b]) } }])),
  });
}

/** The history row of a record that went into the bin, or came back, with its parent. */
async function historyWithParent(trx: Db, actor: Actor, action: 'delete' | 'restore', step: CascadeStep): Promise<void> {
  const { children, parent, parentTitles } = step;
  await sql`
    INSERT INTO record_history (entity, record_id, action, field, new_value, actor_id, request_id)
    SELECT ${step.def.entity}, x.id, ${action}, 'deleted_with',
           jsonb_build_object('entity', ${parent.entity}::text, 'id', x.parent_id, 'title', x.parent_title),
           ${actorUserId(actor)}::uuid, ${actor.requestId ?? null}
      FROM unnest(${sql.val(children.map((c) => c.id))}::uuid[], ${sql.val(children.map((c) => c.parentId))}::uuid[],
                  ${sql.val(children.map((c) => parentTitles.get(c.parentId) ?? ''))}::text[]) AS x(id, parent_id, parent_title)`.execute(
    trx,
  );
}

/**
 * Moves the planned dependants into the bin at the parent's instant (now() is the transaction's
 * start), each marked with the parent it went with and the record whose deletion started it.
 */
export async function cascadeDeletion(trx: Db, actor: Actor, root: { def: EntityDef; id: string }, plan: DeletionPlan): Promise<void> {
  for (const step of plan.steps) {
    const ids = step.children.map((c) => c.id);
    await (trx as AnyDb)
      .updateTable(step.def.table)
      .set({
        deleted_at: sql`now()`,
        deleted_by: actor.userId,
        version: sql`version + 1`,
        updated_by: actor.userId,
        updated_at: sql`now()`,
      })
      .where('id', '=', idList(ids))
      .execute();
    await sql`
      INSERT INTO record_deleted_with AS w (entity, record_id, parent_entity, parent_id, root_entity, root_id, deleted_at)
      SELECT ${step.def.entity}, x.id, ${step.parent.entity}, x.parent_id, ${root.def.entity}, ${root.id}::uuid, now()
        FROM unnest(${sql.val(ids)}::uuid[], ${sql.val(step.children.map((c) => c.parentId))}::uuid[]) AS x(id, parent_id)
      ON CONFLICT (entity, record_id) DO UPDATE SET parent_entity = excluded.parent_entity, parent_id = excluded.parent_id,
        root_entity = excluded.root_entity, root_id = excluded.root_id, deleted_at = excluded.deleted_at`.execute(trx);
    await historyWithParent(trx, actor, 'delete', step);
  }
}

/** A record deleted on its own carries no marker (one left from an earlier cascade would be stale). */
export async function forgetDeletedWith(trx: Db, def: EntityDef, id: string): Promise<void> {
  await sql`DELETE FROM record_deleted_with WHERE entity = ${def.entity} AND record_id = ${id}`.execute(trx);
}

/**
 * A record cannot come back while a parent it hangs off is in the bin: it would be a contact of
 * a deleted customer again, the very state the cascade removes. We refuse (409 naming the
 * parent) rather than restore the parent along: that would also bring back all the parent's
 * other dependants — a large, surprising side effect of restoring one contact — and the parent
 * may belong to someone whose records this user may not restore.
 */
export async function assertParentsLive(trx: Db, def: EntityDef, row: Row): Promise<void> {
  // Compared in SQL: the instant has microseconds, a JavaScript Date only milliseconds.
  const marker = await sql<{ parent_entity: string; parent_id: string }>`
    SELECT w.parent_entity, w.parent_id FROM record_deleted_with w JOIN ${sql.table(def.table)} t ON t.id = w.record_id
     WHERE w.entity = ${def.entity} AND w.record_id = ${String(row.id)} AND t.deleted_at = w.deleted_at`.execute(trx);
  const withParent = marker.rows[0];
  for (const rel of parentsOf(def.entity)) {
    const parentId = row[rel.column];
    if (typeof parentId !== 'string') continue;
    const parent = defOf(rel.parent);
    const p = (await (trx as AnyDb)
      .selectFrom(parent.table)
      .select([sql<string>`${sql.ref(parent.titleColumn)}::text`.as('title'), 'deleted_at'])
      .where('id', '=', parentId)
      .executeTakeFirst()) as { title: string | null; deleted_at: Date | null } | undefined;
    if (!p?.deleted_at) continue;
    const deletedWith = withParent?.parent_entity === parent.entity && withParent.parent_id === parentId;
    throw new AppError(deletedWith ? 'DELETED_WITH_PARENT' : 'PARENT_IN_BIN', {
      params: { type: inSentence(parent), title: p.title ?? '' },
    });
  }
}

/**
 * Brings back exactly the dependants that went into the bin with this record (same marker,
 * same instant), level by level, and forgets their markers; ones deleted on their own before
 * stay in the bin. `checkUnique` re-checks live-unique columns before each level comes back.
 */
export async function restoreDependants(
  trx: Db,
  actor: Actor,
  root: { def: EntityDef; id: string; title: string },
  checkUnique: (def: EntityDef, ids: string[]) => Promise<void>,
): Promise<void> {
  let frontier = [{ def: root.def, titles: new Map([[root.id, root.title]]) }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { def: parent, titles } of frontier) {
      const ids = [...titles.keys()];
      const kinds = await sql<{ entity: string }>`
        SELECT DISTINCT entity FROM record_deleted_with WHERE parent_entity = ${parent.entity} AND parent_id = ${idList(ids)}`.execute(trx);
      for (const { entity } of kinds.rows) {
        const def = defOf(entity);
        const marked = await sql<{ id: string; parent_id: string }>`
          SELECT w.record_id AS id, w.parent_id FROM record_deleted_with w JOIN ${sql.table(def.table)} t ON t.id = w.record_id
           WHERE w.entity = ${entity} AND w.parent_entity = ${parent.entity} AND w.parent_id = ${idList(ids)}
             AND t.deleted_at = w.deleted_at`.execute(trx);
        await sql`DELETE FROM record_deleted_with WHERE entity = ${entity} AND parent_entity = ${parent.entity} AND parent_id = ${idList(ids)}`.execute(
          trx,
        );
        if (marked.rows.length === 0) continue;
        const childIds = marked.rows.map((r) => r.id);
        await checkUnique(def, childIds);
        const restored = (await (trx as AnyDb)
          .updateTable(def.table)
          .set({ deleted_at: null, deleted_by: null, version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
          .where('id', '=', idList(childIds))
          .returning(['id', sql<string>`${sql.ref(def.titleColumn)}::text`.as('title')])
          .execute()) as { id: string; title: string | null }[];
        const titleOf = new Map(restored.map((r) => [r.id, r.title ?? '']));
        const children = marked.rows.map((r) => ({ id: r.id, parentId: r.parent_id, title: titleOf.get(r.id) ?? '' }));
        await historyWithParent(trx, actor, 'restore', { def, parent, children, parentTitles: titles });
        next.push({ def, titles: titleOf });
      }
    }
    frontier = next;
  }
}
