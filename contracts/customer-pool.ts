import { z } from 'zod';
import { idSchema, listQueryBase, timestampSchema } from './common.js';

export const POOL_REASONS = ['released', 'moved', 'no_follow_up', 'no_deal'] as const;
export type PoolReason = (typeof POOL_REASONS)[number];

// The public pool (公海) for customers: the admin's rules.
export const customerPoolRulesSchema = z.object({
  /** The nightly job returns customers to the pool by the two rules below. */
  autoReturn: z.boolean(),
  /** N: no follow-up for N days (counted from the last follow-up, or from when the owner got it). */
  noFollowUpDays: z.number().int().min(1).max(3650).nullable(),
  /** M: no won deal for M days (needs the opportunities domain; skipped without it). */
  noDealDays: z.number().int().min(1).max(3650).nullable(),
  /** The owner is warned this many days before a return. */
  warnDays: z.number().int().min(0).max(90),
  /** Key customers (重点客户) never return automatically. */
  keyCustomersExempt: z.boolean(),
  /** K: customers a rep may claim per day (company time zone). */
  maxClaimsPerDay: z.number().int().min(1).max(10_000),
  /** H: a rep holding this many customers may not claim more. */
  maxHeld: z.number().int().min(1).max(1_000_000),
  /** D: days before a rep may claim back a customer that left him for the pool. */
  reclaimCooldownDays: z.number().int().min(0).max(365),
  /** Departments (with their sub-departments) whose reps see the pool; empty = everyone. Older settings lack it. */
  departmentIds: z.array(idSchema).max(200).default([]),
});
export type CustomerPoolRules = z.infer<typeof customerPoolRulesSchema>;

export const poolCustomerListQuery = listQueryBase.extend({
  industry: z.string().max(40).optional(),
  reason: z.enum(POOL_REASONS).optional(),
});

export const poolCustomerSchema = z.object({
  id: idSchema,
  name: z.string(),
  industry: z.string().nullable(),
  grade: z.string().nullable(),
  region: z.string().nullable(),
  isKey: z.boolean(),
  pooledAt: timestampSchema,
  poolReason: z.enum(POOL_REASONS),
  pooledFromName: z.string().nullable(),
  lastFollowUpAt: timestampSchema.nullable(),
  contactCount: z.number().int(),
  /** The caller returned it recently: claiming it is refused until this instant. */
  claimableFrom: timestampSchema.nullable(),
});
export type PoolCustomer = z.infer<typeof poolCustomerSchema>;

export const releaseCustomerBody = z
  .object({
    /** Why it goes back (kept in the history). */
    note: z.string().trim().max(200).optional(),
  })
  .strict();
