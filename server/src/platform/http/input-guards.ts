import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** The path of the first string holding U+0000, which Postgres text and jsonb cannot store. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '_' : null;
  // An uploaded file arrives as a stream (imports); it is not a parsed document to walk.
  if (value instanceof Readable) return null;
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = nulPath(v, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses input the database would choke on before any route sees it: a 400 naming the field, not a 500 from SQL. */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = nulPath(request.body, '') ?? nulPath(request.query, '');
    if (field) throw new AppError('VALIDATION', { fields: { [field]: { key: 'invalid_format' } } });
  });
}
