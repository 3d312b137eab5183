import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

// Files attached to records (contract scans, receipts, photos …): the bytes travel as the raw
// request body, the rest as query parameters, so a browser can send a File object as it is.
export const FILE_NAME_MAX = 200;

/** The record a file belongs to: a registered entity name ('customer', 'contract' …) and its id. */
export const fileOwnerQuery = z.object({
  ownerEntity: z.string().trim().min(1).max(40),
  ownerId: idSchema,
});

export const fileUploadQuery = fileOwnerQuery.extend({
  /** What the file is for ('contract_scan', 'receipt' …): the purpose sets the allowed types and size. */
  purpose: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(FILE_NAME_MAX),
});

export const fileSchema = z.object({
  id: idSchema,
  ownerEntity: z.string(),
  ownerId: idSchema,
  purpose: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** Hex SHA-256 of the bytes, computed while they arrived. */
  sha256: z.string(),
  createdBy: idSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: timestampSchema,
});
export type StoredFile = z.infer<typeof fileSchema>;

export const fileListResponse = z.object({ items: z.array(fileSchema) });
