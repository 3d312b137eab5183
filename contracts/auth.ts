import { z } from 'zod';
import { idSchema, localeSchema, timestampSchema } from './common.js';
import { DATA_SCOPES } from './permissions.js';

// Request bodies are strict: a field the server does not know is refused, not silently dropped.
export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  totpCode: z.string().trim().max(10).optional(),
});

export const meResponse = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  departmentId: idSchema.nullable(),
  locale: localeSchema,
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  scope: z.enum(DATA_SCOPES),
  totpEnabled: z.boolean(),
  /** A role of the user requires two-step sign-in (P6); until it is on, only the profile works. */
  totpRequiredByRole: z.boolean().optional(),
  /** The company's time zone (CRM_TIME_ZONE): business dates and "today" in the web client. */
  timeZone: z.string(),
  csrfToken: z.string().optional(),
});
export type Me = z.infer<typeof meResponse>;

export const loginResponse = z.object({
  totpRequired: z.boolean(),
  me: meResponse.optional(),
});

export const passwordPolicy = z
  .string()
  .min(8, { message: 'password' })
  .max(128)
  .regex(/[A-Za-z]/, { message: 'password' })
  .regex(/\d/, { message: 'password' });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordPolicy,
});

export const updatePreferencesBody = z.strictObject({ locale: localeSchema });

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'invalid_format' }),
});

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const createApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const createdApiToken = apiTokenSchema.extend({ token: z.string() });
