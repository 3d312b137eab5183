import type { Locale } from '@contracts/common.js';
import type { FieldMessageKey } from '../../platform/i18n/messages.js';
import { headingKey } from './import-fields.js';
import type { ImportField } from './import-registry.js';

/** Picklist labels in any language (and the codes themselves) → code, per list; active values only. */
export type PicklistIndex = Map<string, Map<string, string>>;
/** Colleagues the importer may hand records to, by display name and user name. */
export type OwnerIndex = Map<string, string>;

export interface FieldProblem {
  field: string;
  key: FieldMessageKey;
  params?: Record<string, unknown>;
}

const TRUE = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', '重点', '主要']);
const FALSE = new Set(['否', '×', 'n', 'no', 'false', '0', '']);

/** 2024/3/5, 2024.3.5, 2024年3月5日, 20240305 → 2024-03-05; anything else is left for the schema to reject. */
function normaliseDate(s: string): string {
  const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return s;
  const [, y, mo, d] = m;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? s : iso;
}

/** ¥1,234.50 / 1,234.5元 / 12万 → an exact decimal string (no floating point on the way). */
function normaliseMoney(s: string): string {
  const t = s.replace(/[¥￥,，\s]|元|RMB|CNY/gi, '');
  const wan = t.match(/^(-?\d+)(?:\.(\d+))?万$/);
  if (!wan) return t;
  const [, int, frac = ''] = wan;
  const digits = `${int}${frac.padEnd(4, '0')}`;
  const whole = digits.slice(0, digits.length - Math.max(0, frac.length - 4));
  const rest = frac.length > 4 ? frac.slice(4) : '';
  return rest ? `${whole}.${rest}` : whole.replace(/^(-?)0+(?=\d)/, '$1');
}

/**
 * One file row → the create body the API would accept (before references are resolved and the
 * schema checks it). Cells the mapping ignores are dropped; blank cells are left out.
 */
export function convertRow(
  row: string[],
  mapping: (string | null)[],
  fields: Map<string, ImportField>,
  picklists: PicklistIndex,
  owners: OwnerIndex,
): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const body: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  mapping.forEach((key, i) => {
    if (!key) return;
    const field = fields.get(key);
    const raw = (row[i] ?? '').trim();
    if (!field || raw === '') return;
    const kind = field.kind;
    switch (kind.type) {
      case 'text':
        body[key] = raw;
        break;
      case 'bool': {
        const v = raw.toLowerCase();
        if (TRUE.has(v)) body[key] = true;
        else if (FALSE.has(v)) body[key] = false;
        else problems.push({ field: key, key: 'invalid_value' });
        break;
      }
      case 'tags':
        body[key] = [...new Set(raw.split(/[,，、;；|/]/).map((t) => t.trim()))].filter(Boolean);
        break;
      case 'int':
        if (/^-?\d+$/.test(raw)) body[key] = Number(raw);
        else problems.push({ field: key, key: 'invalid_type' });
        break;
      case 'money':
        body[key] = normaliseMoney(raw);
        break;
      case 'date':
        body[key] = normaliseDate(raw);
        break;
      case 'picklist': {
        const code = picklists.get(kind.list)?.get(headingKey(raw));
        if (code) body[key] = code;
        else problems.push({ field: key, key: 'picklist' });
        break;
      }
      case 'choice': {
        const k = headingKey(raw);
        const code = Object.entries(kind.choices).find(([c, names]) => c === raw || names.some((n) => headingKey(n) === k))?.[0];
        if (code) body[key] = code;
        else problems.push({ field: key, key: 'invalid_value' });
        break;
      }
      case 'owner': {
        const id = owners.get(raw.toLowerCase());
        if (id) body[key] = id;
        else problems.push({ field: key, key: 'import_owner_missing' });
        break;
      }
      case 'reference':
        // Resolved for the whole batch in one query, by the import's own `resolve` step.
        body[key] = raw;
        break;
    }
  });
  return { body, problems };
}

/** "客户名称：必填；邮箱：邮箱格式不正确" — the field's label in the importer's language, then the message. */
export function describeProblems(problems: { field: string; message: string }[], fields: Map<string, ImportField>, locale: Locale): string {
  const sep = locale === 'en' ? '; ' : '；';
  const colon = locale === 'en' ? ': ' : '：';
  return problems.map((p) => `${fields.get(p.field)?.label[locale] ?? p.field}${colon}${p.message}`).join(sep);
}
