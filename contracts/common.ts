import { z } from 'zod';

// Limits live here so the web form shows the same bound the server enforces.
export const LIMITS = {
  name: 200,
  shortText: 100,
  text: 2000,
  longText: 20000,
  pageSizeMax: 200,
  tags: 20,
} as const;

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const idSchema = z.uuid();
export const idParams = z.object({ id: idSchema });

export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

/** '007.5' → '7.50': the spelling the database answers with, so an unchanged amount never diffs as a change. */
function canonicalMoney(s: string): string {
  const [int, frac = ''] = s.replace(/^-/, '').split('.');
  const out = `${int.replace(/^0+(?=\d)/, '')}.${frac.padEnd(2, '0')}`;
  return s.startsWith('-') && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Money travels as an exact decimal string with at most two decimals (numeric(14,2) in SQL). */
export const moneySchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? v.toFixed(2) : v.trim()))
  .pipe(z.string().regex(/^-?\d{1,12}(\.\d{1,2})?$/, { message: 'money' }))
  .transform(canonicalMoney);

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });
/** A calendar month, YYYY-MM. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_format' });
/** ISO 8601 instant; the server converts Date values with toISOString before answering. */
export const timestampSchema = z.string();

/** A query parameter listing codes: 'a,b, c' → ['a', 'b', 'c'] (list filters: industries, sources …). */
export const csvList = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(max)).max(50));

export const listQueryBase = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z_]{1,40}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListQueryBase = z.infer<typeof listQueryBase>;

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorResponse>;

/** Fields every business record carries (P1, P3, P4). */
export const recordBase = z.object({
  id: idSchema,
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  ownerDeptId: idSchema.nullable(),
  ownerDeptName: z.string().nullable(),
  createdBy: idSchema.nullable(),
  createdAt: timestampSchema,
  updatedBy: idSchema.nullable(),
  updatedAt: timestampSchema,
  version: z.number().int(),
});

export const versionField = z.number().int().min(1).max(2_147_483_647);

type WithoutDefaults<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K] };

/**
 * The fields of a create body with their defaults removed, for building PATCH bodies: a field a
 * PATCH leaves out must stay as it is, not be reset to its create-time default.
 */
export function withoutDefaults<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]));
  return z.object(shape as WithoutDefaults<S>);
}
export const okResponse = z.object({ ok: z.literal(true) });

/** P3: one field change (or a create/delete/transfer …) in a record's history. */
export const historyEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  at: timestampSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
