import type { Readable } from 'node:stream';
import { idParams, okResponse } from '@contracts/common.js';
import { fileListResponse, fileOwnerQuery, fileSchema, fileUploadQuery } from '@contracts/files.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import { contentDisposition } from './file-names.js';
import { deleteFile, fileToApi, listFiles, openFile, saveFile } from './files-service.js';

const tags = ['files'];

/** Files attached to records: upload (the raw body), list a record's files, download, delete. */
export const fileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Any file type arrives as a stream, whatever it declares (even JSON): the purpose decides what
  // is accepted, and nothing is held whole in memory. These parsers only apply inside this plugin.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post('/files', { schema: { tags, querystring: fileUploadQuery, response: { 201: fileSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') throw new AppError('FILE_EMPTY', { fields: { file: { key: 'file_empty' } } });
    const length = Number(request.headers['content-length']);
    const file = await saveFile(ctx, actor, {
      ...request.query,
      contentType: request.headers['content-type'],
      body,
      declaredBytes: Number.isFinite(length) ? length : undefined,
    });
    return reply.status(201).send(fileToApi(file, actor.displayName));
  });

  app.get('/files', { schema: { tags, querystring: fileOwnerQuery, response: { 200: fileListResponse } } }, async (request) => ({
    items: await listFiles(ctx, actorOf(request), request.query.ownerEntity, request.query.ownerId),
  }));

  app.get(
    '/files/:id/content',
    { schema: { tags, params: idParams, description: 'The file itself, as an attachment under its original name.' } },
    async (request, reply) => {
      const { file, stream } = await openFile(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', file.content_type)
        .header('content-length', String(file.size_bytes))
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .send(stream);
    },
  );

  app.delete('/files/:id', { schema: { tags, params: idParams, response: { 200: okResponse } } }, async (request) => {
    await deleteFile(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });
};
