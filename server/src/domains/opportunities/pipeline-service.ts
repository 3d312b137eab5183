import type { Pipeline, PipelineDefinition, PipelineStage, pipelineBody, StageInput } from '@contracts/opportunities.js';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import type { StageKind } from './opportunity-table.js';

type StageRow = {
  id: string;
  pipeline_id: string;
  key: string;
  label_zh_cn: string;
  label_zh_tw: string;
  label_en: string;
  kind: StageKind;
  position: number;
  probability: string;
  min_probability: string;
  max_probability: string;
  stalled_after_days: number | null;
  active: boolean;
};

function stageToApi(s: StageRow): PipelineStage {
  return {
    id: s.id,
    key: s.key,
    labels: { 'zh-CN': s.label_zh_cn, 'zh-TW': s.label_zh_tw, en: s.label_en },
    kind: s.kind,
    position: s.position,
    probability: Number(s.probability),
    minProbability: Number(s.min_probability),
    maxProbability: Number(s.max_probability),
    stalledAfterDays: s.stalled_after_days,
  };
}

const STAGE_COLUMNS = [
  'id',
  'pipeline_id',
  'key',
  'label_zh_cn',
  'label_zh_tw',
  'label_en',
  'kind',
  'position',
  'probability',
  'min_probability',
  'max_probability',
  'stalled_after_days',
  'active',
] as const;

/** Pipelines with their active stages; inactive ones only when asked. */
async function loadPipelines(db: Db, opts: { includeInactive?: boolean; id?: string } = {}): Promise<PipelineDefinition[]> {
  let q = db.selectFrom('pipelines').select(['id', 'key', 'name', 'is_default', 'active', 'version']);
  if (!opts.includeInactive) q = q.where('active', '=', true);
  if (opts.id) q = q.where('id', '=', opts.id);
  const pipelines = await q.orderBy('is_default', 'desc').orderBy('sort_order').orderBy('created_at').execute();
  if (pipelines.length === 0) return [];
  const stages = (await db
    .selectFrom('pipeline_stages')
    .select(STAGE_COLUMNS)
    .where(
      'pipeline_id',
      'in',
      pipelines.map((p) => p.id),
    )
    .where('active', '=', true)
    .orderBy('position')
    .execute()) as StageRow[];
  return pipelines.map((p) => ({
    id: p.id,
    key: p.key,
    name: p.name,
    isDefault: p.is_default,
    active: p.active,
    version: p.version,
    stages: stages.filter((s) => s.pipeline_id === p.id).map(stageToApi),
  }));
}

/** Pipelines with their active stages and how many open opportunities each holds, company-wide. */
export async function listPipelines(db: Db, opts: { includeInactive?: boolean; id?: string } = {}): Promise<Pipeline[]> {
  // Side by side, from the trigger-kept totals: a few thousand rows, not every opportunity.
  const [pipelines, open] = await Promise.all([
    loadPipelines(db, opts),
    db
      .selectFrom('opportunity_stage_totals')
      .select(['pipeline_id', sql<number>`sum(n)::int`.as('n')])
      .where('status', '=', 'open')
      .$if(opts.id !== undefined, (q) => q.where('pipeline_id', '=', opts.id as string))
      .groupBy('pipeline_id')
      .execute(),
  ]);
  const openBy = new Map(open.map((o) => [o.pipeline_id, o.n]));
  return pipelines.map((p) => ({ ...p, openCount: openBy.get(p.id) ?? 0 }));
}

export async function getPipeline(db: Db, id: string): Promise<Pipeline> {
  const [p] = await listPipelines(db, { includeInactive: true, id });
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

/** A pipeline and its stages without the company-wide count: the board sums its own columns in scope. */
export async function getPipelineDefinition(db: Db, id: string): Promise<PipelineDefinition> {
  const [p] = await loadPipelines(db, { includeInactive: true, id });
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

/** The pipeline a single-pipeline view shows: the one asked for, else the default, else the first active one. */
export async function resolvePipeline(db: Db, pipelineId: string | undefined): Promise<string | null> {
  if (pipelineId) {
    const row = await db.selectFrom('pipelines').select('id').where('id', '=', pipelineId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    return row.id;
  }
  const row = await db
    .selectFrom('pipelines')
    .select('id')
    .where('active', '=', true)
    .orderBy('is_default', 'desc')
    .orderBy('sort_order')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The pipeline a new opportunity goes into when none is named: the one the reports default to. */
export async function defaultPipelineId(db: Db): Promise<string> {
  const id = await resolvePipeline(db, undefined);
  if (!id) throw new AppError('VALIDATION', { fields: { pipelineId: { key: 'required' } } });
  return id;
}

export async function activeStage(db: Db, stageId: string) {
  return (await db
    .selectFrom('pipeline_stages')
    .select(STAGE_COLUMNS)
    .where('id', '=', stageId)
    .where('active', '=', true)
    .executeTakeFirst()) as StageRow | undefined;
}

export const firstOpenStage = async (db: Db, pipelineId: string) =>
  (await db
    .selectFrom('pipeline_stages')
    .select(STAGE_COLUMNS)
    .where('pipeline_id', '=', pipelineId)
    .where('active', '=', true)
    .where('kind', '=', 'open')
    .orderBy('position')
    .executeTakeFirst()) as StageRow | undefined;

export type { StageRow };

const field = (i: number, name: string) => `stages.${i}.${name}`;

/**
 * A pipeline is open stages in order, then exactly one won (100 %) and one lost (0 %) stage; each
 * stage's default lies within the range a rep may choose. The stages come back in that order.
 */
function checkStages(stages: StageInput[]) {
  const fields: Record<string, FieldError> = {};
  const won = stages.filter((s) => s.kind === 'won');
  const lost = stages.filter((s) => s.kind === 'lost');
  if (won.length !== 1) fields.stages = { key: 'pipeline_won_lost' };
  if (lost.length !== 1) fields.stages = { key: 'pipeline_won_lost' };
  if (!stages.some((s) => s.kind === 'open')) fields.stages = { key: 'pipeline_open_stage' };
  stages.forEach((s, i) => {
    if (s.kind === 'won' && s.probability !== 100) fields[field(i, 'probability')] = { key: 'stage_won_100' };
    if (s.kind === 'lost' && s.probability !== 0) fields[field(i, 'probability')] = { key: 'stage_lost_0' };
    const min = s.kind === 'open' ? (s.minProbability ?? 0) : s.probability;
    const max = s.kind === 'open' ? (s.maxProbability ?? 100) : s.probability;
    if (min > s.probability || s.probability > max) fields[field(i, 'probability')] = { key: 'stage_range' };
  });
  const labels = stages.map((s) => s.labels['zh-CN'].toLowerCase());
  labels.forEach((l, i) => {
    if (labels.indexOf(l) !== i) fields[field(i, 'labels')] = { key: 'duplicate' };
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields });
  return [...stages.filter((s) => s.kind === 'open'), ...won, ...lost];
}

function stageValues(s: StageInput, position: number) {
  const fixed = s.kind !== 'open';
  return {
    label_zh_cn: s.labels['zh-CN'],
    label_zh_tw: s.labels['zh-TW'] || s.labels['zh-CN'],
    label_en: s.labels.en || s.labels['zh-CN'],
    kind: s.kind,
    position,
    probability: s.probability,
    min_probability: fixed ? s.probability : (s.minProbability ?? 0),
    max_probability: fixed ? s.probability : (s.maxProbability ?? 100),
    stalled_after_days: fixed ? null : (s.stalledAfterDays ?? null),
    active: true,
  };
}

async function clearOtherDefaults(trx: Db, exceptId: string) {
  await trx.updateTable('pipelines').set({ is_default: false }).where('id', '!=', exceptId).where('is_default', '=', true).execute();
}

export async function createPipeline(trx: Db, body: z.infer<typeof pipelineBody>): Promise<string> {
  const stages = checkStages(body.stages);
  if (stages.some((s) => s.id)) throw new AppError('VALIDATION', { fields: { stages: { key: 'reference' } } });
  const count = await trx.selectFrom('pipelines').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const p = await trx
    .insertInto('pipelines')
    .values({ name: body.name, active: body.active ?? true, sort_order: (count.n + 1) * 10 })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (body.isDefault) {
    await clearOtherDefaults(trx, p.id);
    await trx.updateTable('pipelines').set({ is_default: true }).where('id', '=', p.id).execute();
  }
  await trx
    .insertInto('pipeline_stages')
    .values(stages.map((s, i) => ({ ...stageValues(s, i + 1), pipeline_id: p.id, key: newStageKey() })))
    .execute();
  return p.id;
}

const newStageKey = () => `s_${randomBytes(4).toString('hex')}`;

/**
 * Replaces the stage list. A stage left out is switched off, not deleted: the stage history and
 * past snapshots point at it. It may not hold live opportunities. A stage's new probability
 * applies to opportunities entering it from now on; those already there keep theirs (O2).
 */
export async function updatePipeline(trx: Db, id: string, body: z.infer<typeof pipelineBody> & { version: number }): Promise<void> {
  const current = await trx.selectFrom('pipelines').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== body.version) throw new AppError('VERSION_CONFLICT', { current: await getPipeline(trx, id) });
  const stages = checkStages(body.stages);
  const existing = await trx.selectFrom('pipeline_stages').select(['id', 'kind', 'active']).where('pipeline_id', '=', id).execute();
  const byId = new Map(existing.map((s) => [s.id, s]));
  stages.forEach((s, i) => {
    const old = s.id ? byId.get(s.id) : undefined;
    if (s.id && !old) throw new AppError('VALIDATION', { fields: { [field(i, 'id')]: { key: 'reference' } } });
    // An open stage turning won (or the reverse) would misstate every opportunity in it.
    if (old && old.kind !== s.kind) throw new AppError('VALIDATION', { fields: { [field(i, 'kind')]: { key: 'stage_kind_fixed' } } });
  });
  const kept = new Set(stages.map((s) => s.id).filter(Boolean));
  const dropped = existing.filter((s) => s.active && !kept.has(s.id)).map((s) => s.id);
  if (dropped.length > 0) {
    const inUse = await trx
      .selectFrom('opportunities')
      .select('stage_id')
      .where('stage_id', 'in', dropped)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (inUse) throw new AppError('STAGE_IN_USE');
    await trx.updateTable('pipeline_stages').set({ active: false, updated_at: sql`now()` }).where('id', 'in', dropped).execute();
  }
  if (current.is_default && body.active === false)
    throw new AppError('VALIDATION', { fields: { active: { key: 'pipeline_default_active' } } });
  // Positions are unique per pipeline only by convention; park them first so the reorder never collides.
  await trx.updateTable('pipeline_stages').set({ position: sql`position + 1000` }).where('pipeline_id', '=', id).execute();
  for (const [i, s] of stages.entries()) {
    if (s.id) {
      await trx
        .updateTable('pipeline_stages')
        .set({ ...stageValues(s, i + 1), version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', s.id)
        .execute();
    } else {
      await trx
        .insertInto('pipeline_stages')
        .values({ ...stageValues(s, i + 1), pipeline_id: id, key: newStageKey() })
        .execute();
    }
  }
  if (body.isDefault) await clearOtherDefaults(trx, id);
  await trx
    .updateTable('pipelines')
    .set({
      name: body.name,
      active: body.active ?? current.active,
      is_default: body.isDefault ?? current.is_default,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}
