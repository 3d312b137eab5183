import type { Locale } from '@contracts/common.js';
import { FIELD_MESSAGES, type FieldMessageKey, translateField } from '../i18n/messages.js';

interface IssueLike {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldKey(issue: IssueLike): { key: FieldMessageKey; params?: Record<string, unknown> } {
  const p = issue.params ?? {};
  if (issue.message && issue.message in FIELD_MESSAGES) return { key: issue.message as FieldMessageKey };
  switch (issue.keyword) {
    case 'invalid_type':
      return { key: /received undefined|received null/.test(issue.message ?? '') ? 'required' : 'invalid_type' };
    case 'too_big':
      if (p.origin === 'string') return { key: 'too_long', params: { max: p.maximum } };
      if (p.origin === 'array' || p.origin === 'set') return { key: 'too_many', params: { max: p.maximum } };
      return { key: 'too_big', params: { max: p.maximum } };
    case 'too_small':
      if (p.origin === 'string') return p.minimum === 1 ? { key: 'required' } : { key: 'too_short', params: { min: p.minimum } };
      return { key: 'too_small', params: { min: p.minimum } };
    case 'invalid_format':
      if (p.format === 'email' || p.format === 'uuid' || p.format === 'url') return { key: p.format };
      return { key: 'invalid_format' };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'invalid_value' };
    case 'unrecognized_keys':
      return { key: 'unknown_field' };
    default:
      return { key: 'invalid_format' };
  }
}

/** Turns Zod issues (as Fastify reports them) into `{ field: translated message }`. */
export function fieldMessages(issues: IssueLike[], locale: Locale, prefix?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const names =
      issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)
        ? (issue.params.keys as string[]).map((k) => (path ? `${path}.${k}` : k))
        : [path || prefix || '_'];
    const { key, params } = fieldKey(issue);
    for (const name of names) out[name] ??= translateField(key, locale, params);
  }
  return out;
}
