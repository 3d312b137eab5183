import { z } from 'zod';
import { idSchema, localeSchema, optionalText, requiredText, timestampSchema } from './common.js';

// Q3: one approval engine for every document type (quotes, contracts; expenses, payments, orders and
// credit overrides next). A document type registers itself on the server; the admin draws its flow.

export const APPROVER_KINDS = ['role', 'user', 'submitter_manager', 'manager_of_manager', 'owner_manager'] as const;
export const approverSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), roleKey: z.string().min(1).max(60) }).strict(),
  z.object({ kind: z.literal('user'), userId: idSchema }).strict(),
  /** The submitter's department manager (his parent department's when he manages his own). */
  z.object({ kind: z.literal('submitter_manager') }).strict(),
  /** That manager's manager. */
  z.object({ kind: z.literal('manager_of_manager') }).strict(),
  /** The document owner's manager (the owner may not be the submitter). */
  z.object({ kind: z.literal('owner_manager') }).strict(),
]);
export type Approver = z.infer<typeof approverSchema>;

export const CONDITION_OPS = ['>', '>=', '<', '<=', '=', '!='] as const;
export const conditionSchema = z
  .object({ field: z.string().min(1).max(60), op: z.enum(CONDITION_OPS), value: z.string().trim().min(1).max(100) })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/** any: one approval completes the step (或签); all: every approver entry must approve (会签, in parallel). */
export const STEP_MODES = ['any', 'all'] as const;
export const flowStepSchema = z
  .object({
    name: requiredText(60),
    mode: z.enum(STEP_MODES),
    approvers: z.array(approverSchema).min(1).max(10),
    /** The step applies only when this holds (e.g. amount > 1000000); without one it always applies. */
    condition: conditionSchema.nullish(),
  })
  .strict();
export type FlowStep = z.infer<typeof flowStepSchema>;

export const RESTART_MODES = ['first_step', 'rejected_step'] as const;
export const flowDefinitionSchema = z
  .object({
    steps: z.array(flowStepSchema).min(1).max(12),
    /** Who approves a step whose approvers cannot be found (no manager, deactivated): never skipped. */
    fallbackUserId: idSchema,
    /** May a submitter approve a step he is himself an approver of? Default no: he is left out of it. */
    allowSelfApproval: z.boolean().default(false),
    /** After a rejection and resubmission: start again from the first step, or from the one that rejected. */
    restartFrom: z.enum(RESTART_MODES).default('first_step'),
  })
  .strict();
export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;

export const flowSchema = z.object({
  documentType: z.string(),
  labels: z.record(localeSchema, z.string()),
  /** The fields a step's condition may test, with their kind (money, percent, text, department). */
  conditionFields: z.array(z.object({ field: z.string(), kind: z.string(), labels: z.record(localeSchema, z.string()) })),
  version: z.number().int().nullable(),
  definition: flowDefinitionSchema.nullable(),
  updatedAt: timestampSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export type Flow = z.infer<typeof flowSchema>;
export const flowList = z.object({ items: z.array(flowSchema) });
export const flowParams = z.object({ documentType: z.string().min(1).max(40) });

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const TASK_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'cancelled'] as const;
export const ACTION_KINDS = ['submit', 'approve', 'reject', 'withdraw', 'comment', 'reassign', 'fallback', 'approved', 'skip'] as const;

const userRef = z.object({ id: idSchema, name: z.string() });

export const approvalTaskSchema = z.object({
  id: idSchema,
  step: z.number().int(),
  status: z.enum(TASK_STATUSES),
  approvers: z.array(userRef),
  /** Set when the step's own approvers could not be found and the flow's fallback approver stands in. */
  viaFallback: z.boolean(),
  actedBy: userRef.nullable(),
  actedAt: timestampSchema.nullable(),
  comment: z.string().nullable(),
});

export const approvalActionSchema = z.object({
  id: idSchema,
  kind: z.enum(ACTION_KINDS),
  step: z.number().int().nullable(),
  actor: userRef.nullable(),
  comment: z.string().nullable(),
  at: timestampSchema,
});

export const approvalRequestSchema = z.object({
  id: idSchema,
  documentType: z.string(),
  documentId: idSchema,
  documentLabel: z.string(),
  title: z.string(),
  link: z.string(),
  amount: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  round: z.number().int(),
  currentStep: z.number().int().nullable(),
  steps: z.array(z.object({ name: z.string(), mode: z.enum(STEP_MODES), applies: z.boolean() })),
  submitter: userRef,
  submittedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  tasks: z.array(approvalTaskSchema),
  history: z.array(approvalActionSchema),
  /** What the caller may do now. */
  can: z.object({ approve: z.boolean(), reject: z.boolean(), withdraw: z.boolean(), reassign: z.boolean() }),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/** One row of 待我审批 / 我发起的 / 我已审批. */
export const approvalRowSchema = z.object({
  id: idSchema,
  documentType: z.string(),
  documentLabel: z.string(),
  title: z.string(),
  link: z.string(),
  amount: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  stepName: z.string().nullable(),
  submitter: userRef,
  submittedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  /** 待我审批: since when it waits on me (the step began). */
  waitingSince: timestampSchema.nullable(),
});
export const APPROVAL_BOXES = ['todo', 'submitted', 'done'] as const;
export const approvalListQuery = z.object({
  box: z.enum(APPROVAL_BOXES).default('todo'),
  documentType: z.string().max(40).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const approvalList = z.object({
  items: z.array(approvalRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many wait on me in all (the badge in the menu). */
  todoCount: z.number().int(),
});

export const approvalDocumentQuery = z.object({ documentType: z.string().min(1).max(40), documentId: idSchema });
export const decisionBody = z.object({ comment: optionalText(1000) }).strict();
export const rejectBody = z.object({ comment: requiredText(1000) }).strict();
export const commentBody = z.object({ comment: requiredText(1000) }).strict();
export const reassignBody = z.object({ taskId: idSchema, userId: idSchema, comment: optionalText(1000) }).strict();

export const delegationSchema = z.object({
  id: idSchema,
  delegate: userRef,
  startsOn: z.string(),
  endsOn: z.string(),
  createdAt: timestampSchema,
});
export const delegationList = z.object({ items: z.array(delegationSchema) });
export const delegationCreate = z
  .object({
    delegateId: idSchema,
    startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
    endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
  })
  .strict();
