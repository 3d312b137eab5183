import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

// C10: CSV/XLSX import of customers, contacts, leads and whatever else a domain registers. The file
// is uploaded as the raw request body, mapped column by column, checked in a dry run and then
// written; progress lives on the job.

/** What the file holds: a registered import's entity (GET /imports/targets lists them); the server checks it. */
const importEntity = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_-]*$/);
export type ImportEntity = z.infer<typeof importEntity>;

const IMPORT_STATUSES = [
  /** Uploaded; waiting for a mapping. */
  'uploaded',
  'checking',
  /** Dry run finished: the counts say what a real run would do. */
  'checked',
  'importing',
  'done',
  /** Strict mode found errors: nothing was written. */
  'rejected',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What to do with a row that matches an existing record (same normalised name, phone or e-mail). */
const DUPLICATE_POLICIES = ['skip', 'allow'] as const;

export const importUploadQuery = z.object({
  entity: importEntity,
  fileName: z.string().trim().min(1).max(200),
});

/** A field an import can fill: `key` is the API field, `label` the caller's language. */
const importFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  hint: z.string().nullable(),
});

/** An import the caller may run: its entity, its name in the caller's language and the fields it fills. */
const importTargetSchema = z.object({
  entity: z.string(),
  label: z.string(),
  fields: z.array(importFieldSchema),
});
export type ImportTarget = z.infer<typeof importTargetSchema>;
export const importTargetsResponse = z.object({ items: z.array(importTargetSchema) });

/** File column (by position) → target field key, or null to ignore the column. */
const importMapping = z.array(z.string().max(40).nullable()).max(200);

export const importRunBody = z
  .object({
    mapping: importMapping,
    /** strict: any bad row and nothing is written; lenient: good rows are written, bad ones reported. */
    mode: z.enum(['strict', 'lenient']).default('lenient'),
    duplicates: z.enum(DUPLICATE_POLICIES).default('skip'),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type ImportRunBody = z.input<typeof importRunBody>;

export const importJobSchema = z.object({
  id: idSchema,
  entity: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sizeBytes: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  mode: z.enum(['strict', 'lenient']),
  duplicates: z.enum(DUPLICATE_POLICIES),
  dryRun: z.boolean(),
  /** 0–100 through the file, for the progress bar. */
  progress: z.number().int(),
  rowsRead: z.number().int(),
  /** Rows written (or, in a dry run, rows that would be written). */
  okRows: z.number().int(),
  errorRows: z.number().int(),
  /** Of the error rows, those skipped as duplicates of existing records. */
  duplicateRows: z.number().int(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  /** The server's guess, column by column, from the headers (and the export's own headings). */
  suggestedMapping: importMapping,
  mapping: importMapping.nullable(),
  fields: z.array(importFieldSchema),
  failure: z.string().nullable(),
  createdAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

const importErrorSchema = z.object({ row: z.number().int(), message: z.string(), values: z.array(z.string()) });
export const importErrorsResponse = z.object({ items: z.array(importErrorSchema), total: z.number().int() });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importListResponse = z.object({ items: z.array(importJobSchema.omit({ sample: true, fields: true })) });
