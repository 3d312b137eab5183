import type { Readable } from 'node:stream';
import { idParams } from '@contracts/common.js';
import {
  importErrorsResponse,
  importJobSchema,
  importListResponse,
  importRunBody,
  importTargetsResponse,
  importUploadQuery,
} from '@contracts/imports.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan, can } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { actorOf } from '../../platform/http/request-context.js';
import { csvStream } from '../../platform/downloads/table-writer.js';
import { assertMapping, fieldsToApi } from './import-fields.js';
import { importFor, registeredImports } from './import-registry.js';
import { runJob } from './import-runner.js';
import { claimJob, errorReportRows, findJob, isRunning, jobToApi, listErrors, listJobs } from './import-store.js';
import { storeUpload } from './upload.js';

const tags = ['imports'];
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * C10 imports: upload the raw file, map its columns, dry-run, run; progress and errors live on the
 * job. What a file may hold is whatever the domains registered (import-registry.ts).
 */
export const importsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx;
  // The file is streamed into the database as it arrives, never held whole in memory.
  app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

  app.post('/imports', { schema: { tags, querystring: importUploadQuery, response: { 201: importJobSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, importFor(request.query.entity).module, 'create');
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') throw new AppError('IMPORT_EMPTY');
    const job = await storeUpload(
      ctx,
      actor,
      { ...request.query, locale: request.locale, contentType: request.headers['content-type'] },
      body,
    );
    return reply.status(201).send(jobToApi(job, request.locale));
  });

  // What the caller may import, for the page's choice: the registered imports whose records they may create.
  app.get('/imports/targets', { schema: { tags, response: { 200: importTargetsResponse } } }, async (request) => {
    const actor = actorOf(request);
    const mine = registeredImports().filter((d) => can(actor, d.module, 'create'));
    return {
      items: mine.map((d) => ({ entity: d.entity, label: d.label[request.locale], fields: fieldsToApi(d.fields, request.locale) })),
    };
  });

  app.get('/imports', { schema: { tags, response: { 200: importListResponse } } }, async (request) => ({
    items: await listJobs(db, actorOf(request), request.locale),
  }));

  app.get('/imports/:id', { schema: { tags, params: idParams, response: { 200: importJobSchema } } }, async (request) =>
    jobToApi(await findJob(db, actorOf(request), request.params.id), request.locale),
  );

  app.post(
    '/imports/:id/run',
    { schema: { tags, params: idParams, body: importRunBody, response: { 202: importJobSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const job = await findJob(db, actor, request.params.id);
      assertCan(actor, importFor(job.entity).module, 'create');
      if (isRunning(job)) throw new AppError('IMPORT_RUNNING');
      if (job.status === 'done') throw new AppError('IMPORT_DONE');
      const { mapping, mode, duplicates, dryRun } = request.body;
      assertMapping(job.entity, job.headers ?? [], mapping, request.locale);
      const claimed = await claimJob(db, job, { mapping, mode, duplicates, dryRun }, request.locale);
      if (!claimed) throw new AppError('IMPORT_RUNNING');
      // The work goes on after the answer; the client follows it on GET /imports/:id.
      void runJob(db, ctx.files, actor, claimed).catch((e) => request.log.error({ err: e, importId: job.id }, 'import failed'));
      return reply.status(202).send(jobToApi(claimed, request.locale));
    },
  );

  app.get(
    '/imports/:id/errors',
    {
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: importErrorsResponse },
      },
    },
    async (request) => {
      const job = await findJob(db, actorOf(request), request.params.id);
      return listErrors(db, job.id, request.query.limit);
    },
  );

  // The error report: the file's own columns, then the row number and what to fix, ready to correct and re-import.
  app.get('/imports/:id/errors.csv', { schema: { tags, params: idParams } }, async (request, reply) => {
    const job = await findJob(db, actorOf(request), request.params.id);
    const en = request.locale === 'en';
    const header = [...(job.headers ?? []), en ? 'Row' : '行号', en ? 'Problem' : '错误原因'];
    const name = `${job.file_name.replace(/\.(csv|xlsx)$/i, '')}-${en ? 'errors' : '错误行'}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(csvStream(header, errorReportRows(db, job.id, header.length - 2)));
  });
};
