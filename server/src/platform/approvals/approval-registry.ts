import type { Locale } from '@contracts/common.js';
import type { FlowDefinition } from '@contracts/approvals.js';
import type { Module } from '@contracts/permissions.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';

/** The kinds of value a step's condition can test. */
export type ConditionKind = 'money' | 'percent' | 'number' | 'text' | 'department';

/** What the engine needs to know of one document when it is submitted. */
export interface ApprovalSubject {
  title: string;
  /** The page to open, when it is not `link(documentId)` (an amendment opens its contract). */
  link?: string;
  ownerId: string | null;
  customerId: string | null;
  amount: string | null;
  /** The values the flow's conditions test, by condition field. */
  facts: Record<string, string | number | null>;
}

/** Passed to a document type's hooks; they run in the engine's transaction. */
export interface ApprovalEvent {
  trx: Db;
  actor: Actor;
  documentId: string;
  requestId: string;
  comment: string | null;
  now: Date;
}

/**
 * A document type that goes through approval registers itself once (quotes, contracts; expenses,
 * payments, orders and credit overrides next). The engine knows nothing else about it.
 */
export interface ApprovalType {
  type: string;
  labels: Record<Locale, string>;
  /** Whose view permission opens the document (the approver of a routed document may open it anyway). */
  module: Module;
  /** The web page of a document, e.g. /quotes/<id>. */
  link(documentId: string): string;
  /** May this caller see the document by his own scope? (Approvers of it may anyway.) */
  visible(db: Db, actor: Actor, documentId: string): Promise<boolean>;
  conditionFields: Record<string, { kind: ConditionKind; labels: Record<Locale, string> }>;
  /** Reads the document for submission, in the submitting transaction (locked by the caller). */
  load(trx: Db, documentId: string): Promise<ApprovalSubject | null>;
  /** The flow shipped with the product, used until the admin saves one. */
  defaultFlow?: (db: Db) => Promise<FlowDefinition | null>;
  onApproved(e: ApprovalEvent): Promise<void>;
  /** Rejection returns the document to draft (the comment is in the history). */
  onRejected(e: ApprovalEvent): Promise<void>;
  onWithdrawn(e: ApprovalEvent): Promise<void>;
}

const types = new Map<string, ApprovalType>();

export function registerApprovalType(t: ApprovalType): ApprovalType {
  types.set(t.type, t);
  return t;
}

export const approvalTypes = (): ApprovalType[] => [...types.values()];

export function approvalType(type: string): ApprovalType | undefined {
  return types.get(type);
}
