import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type MessageKey, translate } from '../i18n/messages.js';
import { AppError } from './errors.js';
import { fieldMessages } from './validation-errors.js';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

const CONSTRAINT_ERRORS = new Map<string, MessageKey>();

/**
 * A domain's CHECK (or a trigger raising check_violation with that constraint name) that guards a
 * business rule — the last word when a path skipped the service's own check — answered with the
 * rule's own message and status (409/422) instead of a bare invalid-field 400.
 */
export function registerConstraintError(constraint: string, code: MessageKey): void {
  CONSTRAINT_ERRORS.set(constraint, code);
}

// Postgres constraint violations become the same AppError a service would raise: never a 500.
function fromDatabaseError(err: PgError): AppError | null {
  const rule = err.code === '23514' && err.constraint ? CONSTRAINT_ERRORS.get(err.constraint) : undefined;
  if (rule) return new AppError(rule);
  switch (err.code) {
    case '23505': {
      const m = /\((?:lower\()?([a-z_]+)\)?\)=\((.*)\)/.exec(err.detail ?? '');
      return new AppError('DUPLICATE', { params: { field: m?.[1] ?? '', value: m?.[2] ?? '' } });
    }
    case '23503':
      return new AppError('VALIDATION', { fields: { [err.column ?? err.constraint ?? '_']: { key: 'reference' } } });
    case '23502':
      return new AppError('VALIDATION', { fields: { [err.column ?? '_']: { key: 'required' } } });
    case '22001':
    case '22003':
    case '23514':
    case '22007':
    case '22008':
      return new AppError('VALIDATION', { fields: { [err.column ?? err.constraint ?? '_']: { key: 'invalid_format' } } });
    case '22P02':
    case '22021': // text with a NUL byte
    case '22P05': // jsonb with \u0000
      return new AppError('BAD_REQUEST');
    // Raised by a document's freeze trigger (a contract past draft): the amount and lines stay as signed.
    case 'CR001':
      return new AppError('DOCUMENT_FROZEN');
    case '40001':
    case '40P01':
      return new AppError('CONFLICT');
    default:
      return null;
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = request.locale;
    if (error instanceof AppError) {
      if (error.options.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.options.retryAfterSeconds));
      return reply.status(error.status).send(error.toBody(locale));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldMessages(error.validation, locale, error.validationContext);
      return reply.status(400).send({ error: { code: 'VALIDATION', message: translate('VALIDATION', locale), fields } });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: translate('INTERNAL', locale) } });
    }
    const db = fromDatabaseError(error as PgError);
    if (db) return reply.status(db.status).send(db.toBody(locale));
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({ error: { code: 'INVALID_JSON', message: translate('INVALID_JSON', locale) } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: translate('PAYLOAD_TOO_LARGE', locale) } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'BAD_REQUEST', message: translate('BAD_REQUEST', locale) } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: translate('INTERNAL', locale) } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: translate('ROUTE_NOT_FOUND', request.locale) } });
  });
}
