import type { FormInstance } from 'antd';
import { ApiError } from '../app/api-client.js';

/**
 * Puts the server's per-field messages on the form's fields; returns the general message to show
 * (or undefined when every message found its field).
 */
export function applyApiError(form: FormInstance, error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return String(error);
  if (!error.fields) return error.message;
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const onFields = Object.entries(error.fields).filter(([name]) => known.has(name.split('.')[0]));
  // 'components.0.productId' names a row of a Form.List, whose index is a number.
  const path = (name: string) => name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  form.setFields(onFields.map(([name, msg]) => ({ name: path(name), errors: [msg] })));
  const rest = Object.entries(error.fields).filter(([name]) => !known.has(name.split('.')[0]));
  return rest.length > 0 || onFields.length === 0
    ? `${error.message}${rest.length ? `：${rest.map(([k, v]) => `${k} ${v}`).join('；')}` : ''}`
    : undefined;
}

export const isVersionConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'VERSION_CONFLICT';
