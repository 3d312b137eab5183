import type { Locale } from '@contracts/common.js';
import type { Db } from '../../platform/db/database.js';
import { picklistLabels } from '../../platform/i18n/picklist-labels.js';
import type { ExportColumn } from './export-registry.js';

const YES_NO: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], 'zh-TW': ['是', '否'], en: ['Yes', 'No'] };

/** Turns a column's value into the text of its cell; picklist labels are read once per file. */
export async function cellWriter(
  db: Db,
  locale: Locale,
  timeZone: string,
): Promise<(column: ExportColumn, item: Record<string, unknown>) => string> {
  const labels = await picklistLabels(db, locale);
  const time = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (column, item) => {
    const v = column.value(item, locale);
    if (v === null || v === undefined) return '';
    const format = column.format ?? 'text';
    if (format === 'bool') return YES_NO[locale][v ? 0 : 1];
    if (format === 'instant') {
      const at = v instanceof Date ? v : new Date(String(v));
      return Number.isNaN(at.getTime()) ? String(v) : time.format(at);
    }
    if (typeof format === 'object' && 'picklist' in format) return labels(format.picklist, String(v)) ?? String(v);
    if (typeof format === 'object') return format.codes[locale][String(v)] ?? String(v);
    return String(v);
  };
}
