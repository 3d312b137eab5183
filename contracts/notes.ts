import { z } from 'zod';
import { LIMITS, idSchema, listQueryBase, recordBase, requiredText, versionField } from './common.js';

const NOTE_LINK_ENTITIES = ['customer', 'contact', 'lead'] as const;
const tag = z.string().trim().min(1).max(20);
const noteLink = z.object({ entity: z.enum(NOTE_LINK_ENTITIES), recordId: idSchema });

// C11 notes (知识库): Markdown text; any HTML in it is removed when saved.
const noteFields = z.object({
  title: requiredText(LIMITS.name),
  body: z.string().max(LIMITS.longText).default(''),
  tags: z.array(tag).max(LIMITS.tags).default([]),
  links: z.array(noteLink).max(20).default([]),
  ownerId: idSchema.optional(),
});
export const createNoteBody = noteFields.strict();
export const updateNoteBody = z
  .object({
    title: requiredText(LIMITS.name).optional(),
    body: z.string().max(LIMITS.longText).optional(),
    tags: z.array(tag).max(LIMITS.tags).optional(),
    links: z.array(noteLink).max(20).optional(),
    ownerId: idSchema.optional(),
    version: versionField,
  })
  .strict();

export const noteSchema = recordBase.extend({
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  links: z.array(noteLink.extend({ title: z.string().nullable() })),
});
export type Note = z.infer<typeof noteSchema>;

export const noteListQuery = listQueryBase.extend({
  tag: z.string().max(20).optional(),
  entity: z.enum(NOTE_LINK_ENTITIES).optional(),
  recordId: idSchema.optional(),
});

// The global search box: grouped hits, each group scoped like its list.
export const searchQuery = z.object({
  q: z.string().trim().min(2).max(100),
  types: z
    .string()
    .max(200)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
const searchHit = z.object({
  type: z.string(),
  id: idSchema,
  title: z.string(),
  subtitle: z.string().nullable(),
  /** Where the web client opens the hit. */
  link: z.string(),
});
export const searchResponse = z.object({
  groups: z.array(z.object({ type: z.string(), hits: z.array(searchHit), more: z.boolean() })),
});
export type SearchHit = z.infer<typeof searchHit>;
