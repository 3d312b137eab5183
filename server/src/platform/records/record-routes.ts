import { historyEntrySchema, idParams, idSchema, listQueryBase, localeSchema, timestampSchema } from '@contracts/common.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { scopeFilter } from '../access/data-scope.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import { can } from '../access/actor.js';
import { allEntities, entityByName, entityByPlural } from './entity-registry.js';
import { historyEntries } from './history.js';
import { likePattern } from './list-query.js';
import { dependantsSummary, withItCounts } from './dependant-summary.js';
import { findVisible, restoreRecord } from './record-store.js';

const dependantCount = z.object({ entity: z.string(), label: z.string(), count: z.number().int() });

const binItem = z.object({
  entity: z.string(),
  entityLabel: z.string(),
  id: idSchema,
  title: z.string(),
  ownerName: z.string().nullable(),
  deletedAt: timestampSchema,
  deletedByName: z.string().nullable(),
  /** What went into the bin with it (a customer's contacts, deals …), per kind; restoring brings them back. */
  withIt: z.array(dependantCount),
  /** The same in words: '3 位联系人、2 个商机'; null when nothing went with it. */
  withItText: z.string().nullable(),
});

/**
 * Routes every registered record type shares: field history (P3) and the recycle bin (P4). The bin
 * lists what a user deleted; records that went in with a parent (a deleted customer's contacts)
 * are not listed on their own but counted on the parent's row, and come back with it.
 */
export const recordRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  app.get(
    '/:plural/:id/history',
    {
      schema: {
        tags: ['history'],
        params: z.object({ plural: z.string().max(40), id: idSchema }),
        response: { 200: z.object({ items: z.array(historyEntrySchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const def = entityByPlural(request.params.plural);
      if (!def) throw new AppError('ROUTE_NOT_FOUND');
      if (!can(actor, def.module, 'view')) throw new AppError('FORBIDDEN');
      // A record in the bin still has a history its owner may read.
      await findVisible(db, actor, def, request.params.id).catch(() => findVisible(db, actor, def, request.params.id, { deleted: true }));
      const hidden = Object.entries(def.fieldVisibleTo ?? {}).filter(([, visible]) => !visible(actor));
      const items = await historyEntries(db, def.entity, request.params.id);
      return { items: hidden.length ? items.filter((e) => !hidden.some(([field]) => field === e.field)) : items };
    },
  );

  // What deleting this record would take into the bin with it, or what refuses the deletion: the
  // delete confirmation shows it before the user decides.
  app.get(
    '/:plural/:id/dependants',
    {
      schema: {
        tags: ['recycle-bin'],
        params: z.object({ plural: z.string().max(40), id: idSchema }),
        response: {
          200: z.object({
            cascade: z.array(dependantCount),
            cascadeText: z.string().nullable(),
            restrict: z.array(dependantCount.extend({ titles: z.array(z.string()) })),
            restrictMessage: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const def = entityByPlural(request.params.plural);
      if (!def) throw new AppError('ROUTE_NOT_FOUND');
      if (!can(actor, def.module, 'view')) throw new AppError('FORBIDDEN');
      const row = await findVisible(db, actor, def, request.params.id);
      return dependantsSummary(db, actor, def, row, request.locale);
    },
  );

  app.get(
    '/recycle-bin',
    {
      schema: {
        tags: ['recycle-bin'],
        querystring: listQueryBase.extend({ entity: z.string().max(40).optional(), locale: localeSchema.optional() }),
        response: {
          200: z.object({ items: z.array(binItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      // Company-wide records (the catalogue) are in the bin of those who may restore them, not of every reader.
      const defs = allEntities().filter(
        (d) => can(actor, d.module, d.companyWide ? 'edit' : 'view') && (!q.entity || d.entity === q.entity),
      );
      if (defs.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const parts = defs.map(
        (
          d,
        ) => sql`SELECT ${d.entity}::text AS entity, t.id, t.${sql.ref(d.titleColumn)}::text AS title, t.owner_id, t.deleted_at, t.deleted_by
                     FROM ${sql.table(d.table)} t WHERE t.deleted_at IS NOT NULL AND ${d.companyWide ? sql`true` : scopeFilter(actor, 't')}
                      AND NOT EXISTS (SELECT 1 FROM record_deleted_with w WHERE w.entity = ${d.entity} AND w.record_id = t.id)
                     ${q.q ? sql`AND t.${sql.ref(d.titleColumn)} ILIKE ${likePattern(q.q)}` : sql``}`,
      );
      const union = sql.join(parts, sql` UNION ALL `);
      const { rows } = await sql<{
        entity: string;
        id: string;
        title: string;
        owner_name: string | null;
        deleted_at: Date;
        deleted_by_name: string | null;
        total: number;
      }>`SELECT b.entity, b.id, b.title, o.display_name AS owner_name, b.deleted_at, d.display_name AS deleted_by_name,
                count(*) OVER ()::int AS total
           FROM (${union}) b LEFT JOIN users o ON o.id = b.owner_id LEFT JOIN users d ON d.id = b.deleted_by
          ORDER BY b.deleted_at DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
      const locale = request.locale;
      const withIt = await withItCounts(db, rows, locale);
      return {
        items: rows.map((r) => ({
          ...withIt(r),
          entity: r.entity,
          entityLabel: entityByName(r.entity)?.label[locale] ?? r.entity,
          id: r.id,
          title: r.title,
          ownerName: r.owner_name,
          deletedAt: r.deleted_at.toISOString(),
          deletedByName: r.deleted_by_name,
        })),
        total: rows[0]?.total ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.post(
    '/recycle-bin/:entity/:id/restore',
    {
      schema: {
        tags: ['recycle-bin'],
        params: idParams.extend({ entity: z.string().max(40) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const def = entityByName(request.params.entity);
      if (!def) throw new AppError('NOT_FOUND');
      if (!can(actor, def.module, 'edit')) throw new AppError('FORBIDDEN');
      await db.transaction().execute((trx) => restoreRecord(trx, actor, def, request.params.id));
      return { ok: true as const };
    },
  );
};
