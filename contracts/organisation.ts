import { z } from 'zod';
import { idSchema, listQueryBase, localeSchema, optionalText, requiredText, timestampSchema, versionField } from './common.js';
import { passwordPolicy } from './auth.js';
import { DATA_SCOPES } from './permissions.js';

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  managerId: idSchema.nullable(),
  managerName: z.string().nullable(),
  sortOrder: z.number().int(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

// Request bodies are strict: a field the server does not know is refused, not silently dropped.
export const createDepartmentBody = z.strictObject({
  name: requiredText(100),
  parentId: idSchema.nullish(),
  managerId: idSchema.nullish(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export const updateDepartmentBody = createDepartmentBody.partial().extend({ version: versionField }).strict();

export const roleSchema = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  dataScope: z.enum(DATA_SCOPES),
  permissions: z.array(z.string()),
  /** P6: members must turn on two-step sign-in (TOTP) before they can work. */
  requireTotp: z.boolean(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

const permissionString = z.string().regex(/^(\*|[a-z_]+:(view|create|edit|delete|export|approve))$/);
export const createRoleBody = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: requiredText(50),
  dataScope: z.enum(DATA_SCOPES),
  permissions: z.array(permissionString).max(200),
  requireTotp: z.boolean().optional(),
});
export const updateRoleBody = createRoleBody.omit({ key: true }).partial().extend({ version: versionField }).strict();

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  roles: z.array(z.string()),
  active: z.boolean(),
  locale: localeSchema,
  totpEnabled: z.boolean(),
  lastLoginAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{2,64}$/, { message: 'invalid_format' }),
  displayName: requiredText(50),
  email: z.email().max(200).nullish(),
  mobile: optionalText(30),
  departmentId: idSchema.nullish(),
  roles: z.array(z.string().max(40)).min(1).max(10),
  password: passwordPolicy,
  locale: localeSchema.optional(),
});
export const updateUserBody = createUserBody
  .omit({ username: true, password: true })
  .partial()
  .extend({ version: versionField, active: z.boolean().optional() })
  .strict();
export const resetPasswordBody = z.strictObject({ password: passwordPolicy });

export const userListQuery = listQueryBase.extend({
  departmentId: idSchema.optional(),
  role: z.string().max(40).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const transferBody = z.strictObject({
  fromUserId: idSchema,
  toUserId: idSchema,
  deactivate: z.boolean().optional(),
});
export const transferResponse = z.object({ moved: z.record(z.string(), z.number().int()) });

export const userOption = z.object({ id: idSchema, displayName: z.string(), departmentName: z.string().nullable() });
