import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  LIMITS,
  listQueryBase,
  moneySchema,
  optionalText,
  recordBase,
  requiredText,
  timestampSchema,
  versionField,
} from './common.js';
import { createContactBody } from './contacts.js';
import { createCustomerBody } from './customers.js';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'converted'] as const;

const leadCore = {
  company: requiredText(LIMITS.name),
  contactName: optionalText(50),
  title: optionalText(50),
  phone: optionalText(40),
  mobile: optionalText(30),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  region: optionalText(100),
  industry: optionalText(40),
  source: optionalText(40),
  remarks: optionalText(LIMITS.text),
};

// C3: a lead is created owned by its author, by a named owner, or routed by the assignment rules.
export const createLeadBody = z
  .object({
    ...leadCore,
    ownerId: idSchema.optional(),
    /** Route through the assignment rules (unmatched leads go to the pool). */
    autoAssign: z.boolean().optional(),
  })
  .strict();

export const updateLeadBody = z
  .object({
    ...leadCore,
    status: z.enum(['new', 'contacted', 'qualified', 'disqualified']),
    disqualifyReason: optionalText(200),
  })
  .partial()
  .extend({ version: versionField })
  .strict();

export const leadSchema = recordBase.extend({
  ownerId: idSchema.nullable(),
  company: z.string(),
  contactName: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  disqualifyReason: z.string().nullable(),
  remarks: z.string().nullable(),
  inPool: z.boolean(),
  assignedAt: timestampSchema.nullable(),
  convertedAt: timestampSchema.nullable(),
  convertedCustomerId: idSchema.nullable(),
  convertedContactId: idSchema.nullable(),
});
export type Lead = z.infer<typeof leadSchema>;

export const leadListQuery = listQueryBase.extend({
  status: z.enum(LEAD_STATUSES).optional(),
  ownerId: idSchema.optional(),
  source: z.string().max(40).optional(),
  industry: z.string().max(40).optional(),
  region: z.string().max(100).optional(),
});

export const assignLeadBody = z.object({ ownerId: idSchema, version: versionField }).strict();

/** Conversion: a new customer (prefilled from the lead) or an existing one, a contact unless skipped. */
export const convertLeadBody = z
  .object({
    version: versionField,
    existingCustomerId: idSchema.optional(),
    customer: createCustomerBody.partial().optional(),
    contact: createContactBody.omit({ customerId: true }).partial().optional(),
    skipContact: z.boolean().optional(),
    /** The user saw the possible duplicates and wants a new customer anyway. */
    ignoreDuplicates: z.boolean().optional(),
    /** Open a deal for the customer in the same step (O1); its name defaults to the company's. */
    opportunity: z
      .object({
        name: requiredText(LIMITS.name).optional(),
        amount: moneySchema.optional(),
        expectedCloseDate: dateSchema.nullish(),
        pipelineId: idSchema.optional(),
        stageId: idSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export const convertLeadResponse = z.object({
  leadId: idSchema,
  customerId: idSchema,
  contactId: idSchema.nullable(),
  opportunityId: idSchema.nullable(),
});

export const assignmentRuleSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  matchRegions: z.array(z.string()),
  matchIndustries: z.array(z.string()),
  matchSources: z.array(z.string()),
  strategy: z.enum(['user', 'round_robin']),
  userIds: z.array(idSchema),
  version: z.number().int(),
});
const ruleFields = {
  name: requiredText(100),
  position: z.number().int().min(0).max(100_000),
  active: z.boolean(),
  matchRegions: z.array(z.string().trim().min(1).max(100)).max(50),
  matchIndustries: z.array(z.string().trim().min(1).max(40)).max(50),
  matchSources: z.array(z.string().trim().min(1).max(40)).max(50),
  strategy: z.enum(['user', 'round_robin']),
  userIds: z.array(idSchema).min(1).max(200),
};
export const createAssignmentRuleBody = z
  .object(ruleFields)
  .partial({ active: true, matchRegions: true, matchIndustries: true, matchSources: true })
  .strict();
export const updateAssignmentRuleBody = z.object(ruleFields).partial().extend({ version: versionField }).strict();

// C9 duplicate check: visible matches are shown; a match outside the caller's scope is only said to exist.
export const duplicateCheckBody = z
  .object({
    name: z.string().trim().max(LIMITS.name).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(200).optional(),
    excludeId: idSchema.optional(),
  })
  .strict();
const duplicateMatch = z.object({
  entity: z.enum(['customer', 'contact', 'lead']),
  matchedOn: z.enum(['name', 'phone', 'email']),
  visible: z.boolean(),
  id: idSchema.nullable(),
  title: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export const duplicateCheckResponse = z.object({ matches: z.array(duplicateMatch) });
