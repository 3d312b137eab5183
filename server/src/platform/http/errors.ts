import type { Locale } from '@contracts/common.js';
import { CREDIT_STATUS } from '../i18n/credit-messages.js';
import { DOCUMENT_STATUS } from '../i18n/document-messages.js';
import { TARGET_STATUS } from '../i18n/target-messages.js';
import { type FieldMessageKey, type MessageKey, translate, translateField } from '../i18n/messages.js';

const STATUS: Record<MessageKey, number> = {
  ...DOCUMENT_STATUS,
  ...CREDIT_STATUS,
  ...TARGET_STATUS,
  VALIDATION: 400,
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  TOKEN_RATE_LIMITED: 429,
  TOTP_SETUP_REQUIRED: 403,
  ACCOUNT_INACTIVE: 403,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  TOTP_ALREADY_ENABLED: 409,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  CONFLICT: 409,
  IN_USE: 409,
  PASSWORD_POLICY: 422,
  WRONG_PASSWORD: 422,
  BUSINESS_RULE: 422,
  DEPARTMENT_CYCLE: 422,
  DEPARTMENT_NOT_EMPTY: 409,
  LAST_ADMIN: 409,
  POOL_DAILY_LIMIT: 422,
  POOL_HOLD_LIMIT: 422,
  POOL_COOLDOWN: 422,
  POOL_HOLD_LIMIT_CUSTOMERS: 422,
  POOL_COOLDOWN_CUSTOMER: 422,
  CUSTOMER_NOT_IN_POOL: 409,
  NOT_IN_POOL: 409,
  POOL_NOT_YOURS: 403,
  STAGE_IN_USE: 409,
  LEAD_CONVERTED: 409,
  DUPLICATES_FOUND: 409,
  IMPORT_RUNNING: 409,
  IMPORT_DONE: 409,
  IMPORT_EMPTY: 422,
  IMPORT_UNREADABLE: 422,
  IMPORT_MAPPING_INCOMPLETE: 422,
  FILE_TOO_LARGE: 413,
  ATTACHMENTS_LOCKED: 409,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_EMPTY: 422,
  HAS_DEPENDANTS: 409,
  DELETED_WITH_PARENT: 409,
  PARENT_IN_BIN: 409,
  PRODUCT_CATEGORY_NOT_EMPTY: 409,
  PRODUCT_IN_BUNDLE: 409,
  INTERNAL: 500,
};

export type FieldError = { key: FieldMessageKey; params?: Record<string, unknown> };

/** The one error type: a code, its HTTP status and a message translated when sent. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: MessageKey,
    readonly options: {
      params?: Record<string, unknown>;
      fields?: Record<string, FieldError>;
      current?: unknown;
      /** Sent as Retry-After (seconds) with a 429. */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
    this.status = STATUS[code];
  }

  toBody(locale: Locale) {
    const fields = this.options.fields
      ? Object.fromEntries(Object.entries(this.options.fields).map(([f, e]) => [f, translateField(e.key, locale, e.params)]))
      : undefined;
    return {
      error: {
        code: this.code,
        message: translate(this.code, locale, this.options.params),
        ...(fields ? { fields } : {}),
        ...(this.options.current !== undefined ? { current: this.options.current } : {}),
      },
    };
  }
}

export const fieldError = (field: string, key: FieldMessageKey, params?: Record<string, unknown>) =>
  new AppError('VALIDATION', { fields: { [field]: { key, params } } });
