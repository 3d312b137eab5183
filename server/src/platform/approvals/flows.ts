import { type FlowDefinition, flowDefinitionSchema } from '@contracts/approvals.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { AppError, fieldError } from '../http/errors.js';
import { approvalType } from './approval-registry.js';
import { conditionHolds } from './conditions.js';
import './approval-tables.js';

export interface FlowVersion {
  id: string;
  version: number;
  definition: FlowDefinition;
  createdAt: Date;
  createdBy: string | null;
}

// A flow version is never changed once written (saving a flow adds a version), so its parsed
// definition is kept per process: a decision and each detail read it again otherwise, one round trip
// each on every approval. Version ids are random, so a cached one can never stand for another row.
const definitions = new Map<string, FlowDefinition>();

/** The definition of one flow version (the one a request started with). */
export async function flowDefinitionOf(db: Db, versionId: string): Promise<FlowDefinition> {
  const cached = definitions.get(versionId);
  if (cached) return cached;
  const row = await db.selectFrom('approval_flow_versions').select('definition').where('id', '=', versionId).executeTakeFirstOrThrow();
  const definition = flowDefinitionSchema.parse(row.definition);
  definitions.set(versionId, definition);
  return definition;
}

async function latestVersion(db: Db, documentType: string): Promise<FlowVersion | null> {
  const row = await db
    .selectFrom('approval_flow_versions')
    .selectAll()
    .where('document_type', '=', documentType)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        version: row.version,
        definition: flowDefinitionSchema.parse(row.definition),
        createdAt: row.created_at,
        createdBy: row.created_by,
      }
    : null;
}

/**
 * The flow in force for a document type: the newest saved version, else the shipped default (saved
 * as version 1 the first time it is used, so requests can point at it). Null: no flow at all.
 */
export async function currentFlow(db: Db, documentType: string): Promise<FlowVersion | null> {
  const saved = await latestVersion(db, documentType);
  if (saved) return saved;
  const shipped = await approvalType(documentType)?.defaultFlow?.(db);
  if (!shipped) return null;
  await db
    .insertInto('approval_flow_versions')
    .values({ document_type: documentType, version: 1, definition: JSON.stringify(shipped), created_by: null })
    .onConflict((oc) => oc.columns(['document_type', 'version']).doNothing())
    .execute();
  return latestVersion(db, documentType);
}

/** The shipped default or the saved flow, without writing anything (the settings page). */
export async function flowForDisplay(
  db: Db,
  documentType: string,
): Promise<{ version: FlowVersion | null; definition: FlowDefinition | null }> {
  const saved = await latestVersion(db, documentType);
  if (saved) return { version: saved, definition: saved.definition };
  return { version: null, definition: (await approvalType(documentType)?.defaultFlow?.(db)) ?? null };
}

/** Saving a flow adds a version; requests under way keep the one they started with. */
export async function saveFlow(trx: Db, actor: Actor, documentType: string, definition: FlowDefinition): Promise<FlowVersion> {
  const type = approvalType(documentType);
  if (!type) throw new AppError('NOT_FOUND');
  await checkFlow(trx, documentType, definition);
  const latest = await latestVersion(trx, documentType);
  const inserted = await trx
    .insertInto('approval_flow_versions')
    .values({
      document_type: documentType,
      version: (latest?.version ?? 0) + 1,
      definition: JSON.stringify(definition),
      created_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(['document_type', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // Two admins saving at once: the second is told to reload instead of silently winning.
  if (!inserted) throw new AppError('VERSION_CONFLICT');
  return (await latestVersion(trx, documentType)) as FlowVersion;
}

/** Conditions test fields the document type offers; named roles and users exist; the fallback can act. */
async function checkFlow(db: Db, documentType: string, def: FlowDefinition): Promise<void> {
  const fields = approvalType(documentType)?.conditionFields ?? {};
  const roleKeys = new Set((await db.selectFrom('roles').select('key').execute()).map((r) => r.key));
  const userIds = new Set<string>([def.fallbackUserId]);
  def.steps.forEach((step, i) => {
    if (step.condition && !(step.condition.field in fields)) throw fieldError(`steps.${i}.condition.field`, 'invalid_value');
    step.approvers.forEach((a, j) => {
      if (a.kind === 'role' && !roleKeys.has(a.roleKey)) throw fieldError(`steps.${i}.approvers.${j}.roleKey`, 'reference');
      if (a.kind === 'user') userIds.add(a.userId);
    });
  });
  const found = await db
    .selectFrom('users')
    .select(['id', 'active'])
    .where('id', 'in', [...userIds])
    .execute();
  const byId = new Map(found.map((u) => [u.id, u]));
  if (!byId.get(def.fallbackUserId)?.active) throw fieldError('fallbackUserId', 'reference');
  for (const [i, step] of def.steps.entries()) {
    for (const [j, a] of step.approvers.entries()) {
      if (a.kind === 'user' && !byId.has(a.userId)) throw fieldError(`steps.${i}.approvers.${j}.userId`, 'reference');
    }
  }
}

/**
 * Would the flow in force send a document with these facts through a step whose condition tests
 * `field`? Lets a document type turn a hard stop into a decision when the admin set up a step for it
 * (the credit override: a step on 超出信用额度 > 0).
 */
export async function flowTestsFact(
  db: Db,
  documentType: string,
  field: string,
  facts: Record<string, string | number | null>,
): Promise<boolean> {
  const flow = await currentFlow(db, documentType);
  return !!flow && flow.definition.steps.some((s) => s.condition?.field === field && conditionHolds(s.condition, facts));
}
