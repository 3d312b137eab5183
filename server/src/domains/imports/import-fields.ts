import type { Locale } from '@contracts/common.js';
import { AppError } from '../../platform/http/errors.js';
import { type FieldKind, type ImportField, type Label, findImport } from './import-registry.js';

/** A field of an import mapping; `aliases` are other headings people give the column. */
export const importField = (key: string, label: Label, kind: FieldKind = { type: 'text' }, aliases: string[] = []): ImportField => ({
  key,
  label,
  kind,
  aliases,
});

/** The record's owner by name, as every record-base import offers it. */
export const OWNER_FIELD: ImportField = {
  ...importField('ownerId', { 'zh-CN': '负责人', 'zh-TW': '負責人', en: 'Owner' }, { type: 'owner' }, [
    '销售',
    '业务员',
    '跟进人',
    '所属销售',
    'sales rep',
  ]),
  hint: { 'zh-CN': '填姓名或账号，留空归导入人', 'zh-TW': '填姓名或帳號，留空歸匯入人', en: 'Name or user name; blank means you' },
};

/** The fields of a registered import; none for an entity nobody registers (any more). */
export const importFields = (entity: string): ImportField[] => findImport(entity)?.fields ?? [];

/** Headings compare without case, spaces, punctuation or a trailing "(必填)"/"*" marker. */
export const headingKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/[\s*:：_\-.。]/g, '');

/** The server's guess for each file column; each field is used once, first come first served. */
export function suggestMapping(entity: string, headers: string[]): (string | null)[] {
  const byHeading = new Map<string, string>();
  for (const field of importFields(entity)) {
    for (const name of [field.key, ...Object.values(field.label), ...(field.aliases ?? [])]) {
      const k = headingKey(name);
      if (!byHeading.has(k)) byHeading.set(k, field.key);
    }
  }
  const used = new Set<string>();
  return headers.map((h) => {
    const key = byHeading.get(headingKey(h));
    if (!key || used.has(key)) return null;
    used.add(key);
    return key;
  });
}

/** A mapping names known fields, each once, for columns the file has, and covers every required field. */
export function assertMapping(entity: string, headers: string[], mapping: (string | null)[], locale: Locale): void {
  const fields = importFields(entity);
  const known = new Set(fields.map((f) => f.key));
  const bad = mapping.findIndex((k, i) => k !== null && (!known.has(k) || mapping.indexOf(k) !== i));
  if (mapping.length > headers.length || bad >= 0)
    throw new AppError('VALIDATION', { fields: { [`mapping.${bad >= 0 ? bad : headers.length}`]: { key: 'invalid_value' } } });
  const missing = fields.filter((f) => f.required && !mapping.includes(f.key));
  if (missing.length > 0)
    throw new AppError('IMPORT_MAPPING_INCOMPLETE', {
      params: { fields: missing.map((f) => f.label[locale]).join(locale === 'en' ? ', ' : '、') },
    });
}

/** Fields as the import page shows them: labels and hints in the caller's language. */
export const fieldsToApi = (fields: ImportField[], locale: Locale) =>
  fields.map((f) => ({ key: f.key, label: f.label[locale], required: !!f.required, hint: f.hint?.[locale] ?? null }));
