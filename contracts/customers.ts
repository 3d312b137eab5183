import { z } from 'zod';
import {
  csvList,
  LIMITS,
  idSchema,
  listQueryBase,
  moneySchema,
  optionalText,
  recordBase,
  requiredText,
  versionField,
  withoutDefaults,
} from './common.js';

export const CUSTOMER_TYPES = ['development', 'retention', 'project'] as const;

const tag = z.string().trim().min(1).max(20);

// C1: the customer file. Limits here are the form's limits too.
const customerFields = z.object({
  name: requiredText(LIMITS.name),
  shortName: optionalText(50),
  industry: optionalText(40),
  source: optionalText(40),
  grade: optionalText(40),
  customerType: z.enum(CUSTOMER_TYPES).default('development'),
  region: optionalText(100),
  address: optionalText(300),
  phone: optionalText(40),
  website: optionalText(200),
  tags: z.array(tag).max(LIMITS.tags).default([]),
  isKey: z.boolean().default(false),
  followUpCycleDays: z.number().int().min(1).max(3650).nullish(),
  creditLimit: moneySchema.nullish(),
  remarks: optionalText(LIMITS.text),
  /** C7: a person's judgement of the customer's potential, 0–100, one input of the grade. */
  potentialScore: z.number().int().min(0).max(100).nullish(),
  ownerId: idSchema.optional(),
});

export const createCustomerBody = customerFields.strict();
export const updateCustomerBody = withoutDefaults(customerFields).partial().extend({ version: versionField }).strict();

export const customerSchema = recordBase.extend({
  name: z.string(),
  shortName: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  grade: z.string().nullable(),
  customerType: z.enum(CUSTOMER_TYPES),
  region: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  tags: z.array(z.string()),
  isKey: z.boolean(),
  followUpCycleDays: z.number().int().nullable(),
  creditLimit: z.string().nullable(),
  remarks: z.string().nullable(),
  potentialScore: z.number().int().nullable(),
  /** 'manual': set by a person and kept by the grading rules; 'auto': the rules'. */
  gradeSource: z.enum(['auto', 'manual']).nullable(),
  contactCount: z.number().int(),
  primaryContactName: z.string().nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListQuery = listQueryBase.extend({
  industry: csvList(40).optional(),
  source: csvList(40).optional(),
  grade: csvList(40).optional(),
  customerType: z.enum(CUSTOMER_TYPES).optional(),
  ownerId: idSchema.optional(),
  ownerDeptId: idSchema.optional(),
  isKey: z.enum(['true', 'false']).optional(),
  tag: z.string().max(20).optional(),
  region: z.string().max(100).optional(),
});
