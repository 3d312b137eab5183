import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { csvStream, xlsxStream } from '../../platform/downloads/table-writer.js';
import { actorOf } from '../../platform/http/request-context.js';
import { writeHistory } from '../../platform/records/history.js';
import { cellWriter } from './export-cells.js';
import { type ExportDef, registeredExports } from './export-registry.js';

/** An export is a report for a person, not a backup: beyond this, narrow the filters. */
const MAX_EXPORT_ROWS = 50_000;
const PAGE = 200;

const format = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/**
 * C9/C10 exports: the list view as the caller sees it (same filters, same scope), as CSV or XLSX.
 * One route per registered export (export-registry.ts); the domains register before this runs,
 * from modules their own routes files import.
 */
export const exportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;

  const route = (def: ExportDef) => {
    app.get(
      `/exports/${def.entity}`,
      { schema: { tags: ['exports'], querystring: def.query.extend(format.shape) } },
      async (request, reply) => {
        const actor = actorOf(request);
        assertCan(actor, def.module, 'export');
        const {
          format: kind,
          page: _page,
          pageSize: _size,
          ...filters
        } = request.query as Record<string, unknown> & { format: 'csv' | 'xlsx' };
        const locale = request.locale;
        const cell = await cellWriter(db, locale, ctx.config.CRM_TIME_ZONE);
        const columns = def.columns.filter((c) => c.visibleTo?.(actor) ?? true);
        let rows = 0;
        async function* pages() {
          for (let page = 1; rows < MAX_EXPORT_ROWS; page++) {
            const res = await def.list(db, actor, ctx, filters, page, PAGE);
            for (const item of res.items) {
              if (rows >= MAX_EXPORT_ROWS) return;
              rows++;
              yield columns.map((c) => cell(c, item as Record<string, unknown>));
            }
            if (res.items.length < PAGE) return;
          }
        }
        const header = columns.map((c) => c.header[locale]);
        const sheet = def.fileName[locale];
        const name = `${sheet}-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.${kind}`;
        const body = kind === 'csv' ? csvStream(header, pages()) : xlsxStream(sheet, header, pages(), (e) => request.log.error(e));
        // Who exported what, with which filters and how many rows: once the file is complete.
        body.on('end', () => {
          void writeHistory(db, actor, {
            entity: 'user',
            recordId: actor.userId,
            action: 'export',
            changes: [{ field: def.entity, old: null, new: { format: kind, filters, rows } }],
          }).catch((e) => request.log.error(e));
        });
        return reply
          .header(
            'content-type',
            kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="${def.entity}.${kind}"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(body);
      },
    );
  };

  for (const def of registeredExports()) route(def);
};
