import type {
  createOpportunityBody,
  moveStageBody,
  opportunityListQuery,
  StageHistory,
  updateOpportunityBody,
} from '@contracts/opportunities.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { runList } from '../../platform/records/list-query.js';
import { findVisible, insertRecord, softDeleteRecord, touchRecord, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { assertPicklistCodes } from '../picklists/public.js';
import { opportunityEntity } from './opportunity-entity.js';
import { applyFilters, type OpportunityApiRow, opportunitiesToApi, type StallRule, selectForApi } from './opportunity-query.js';
import { opportunitySettings } from './opportunity-settings.js';
import { activeStage, defaultPipelineId, firstOpenStage, type StageRow } from './pipeline-service.js';

const SORTABLE: Record<string, string> = {
  updatedAt: 'o.updated_at',
  createdAt: 'o.created_at',
  amount: 'o.amount',
  expectedCloseDate: 'o.expected_close_date',
  stageEnteredAt: 'o.stage_entered_at',
  name: 'o.name',
};

export async function stallRule(db: Db, clock: Clock): Promise<StallRule> {
  return { now: clock.now(), settings: await opportunitySettings(db) };
}

export async function listOpportunities(db: Db, actor: Actor, clock: Clock, q: z.infer<typeof opportunityListQuery>) {
  const rule = await stallRule(db, clock);
  const filtered = applyFilters(db.selectFrom('opportunities as o'), actor, q, rule);
  const page = await runList<OpportunityApiRow>(filtered, q, SORTABLE, '-updatedAt', (x) => selectForApi(x, rule), 'o.id');
  return { ...page, items: await opportunitiesToApi(db, page.items, rule.now) };
}

export async function getOpportunity(db: Db, actor: Actor, clock: Clock, id: string) {
  const rule = await stallRule(db, clock);
  const row = (await selectForApi(applyFilters(db.selectFrom('opportunities as o'), actor, {}, rule), rule)
    .where('o.id', '=', id)
    .executeTakeFirst()) as OpportunityApiRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return (await opportunitiesToApi(db, [row], rule.now))[0];
}

/** Probabilities are stored as numeric(5,2); the canonical string keeps an unchanged value out of the history. */
const pct = (n: number | string) => Number(n).toFixed(2);

function assertInRange(stage: StageRow, probability: number) {
  const min = Number(stage.min_probability);
  const max = Number(stage.max_probability);
  if (probability < min || probability > max) throw fieldError('probability', 'probability_range', { min, max });
}

/** Contacts on an opportunity are people of its customer, once each. */
async function checkContacts(trx: Db, customerId: string, contacts: { contactId: string; role: string | null }[]) {
  const ids = [...new Set(contacts.map((c) => c.contactId))];
  if (ids.length !== contacts.length) throw fieldError('contacts', 'duplicate');
  if (ids.length > 0) {
    const found = await trx
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', ids)
      .where('customer_id', '=', customerId)
      .where('deleted_at', 'is', null)
      .execute();
    if (found.length !== ids.length) throw fieldError('contacts', 'reference');
  }
  await assertPicklistCodes(
    trx,
    'contact_role',
    contacts.map((c) => c.role),
    'contacts',
  );
}

async function replaceContacts(trx: Db, opportunityId: string, contacts: { contactId: string; role: string | null }[]) {
  await trx.deleteFrom('opportunity_contacts').where('opportunity_id', '=', opportunityId).execute();
  if (contacts.length > 0)
    await trx
      .insertInto('opportunity_contacts')
      .values(contacts.map((c) => ({ opportunity_id: opportunityId, contact_id: c.contactId, role: c.role })))
      .execute();
}

async function enterStage(
  trx: Db,
  actor: Actor,
  at: Date,
  o: { id: string; pipeline_id: string; amount: string },
  stage: { id: string; probability: string | number },
  fromStageId: string | null,
) {
  if (fromStageId)
    await trx
      .updateTable('opportunity_stage_history')
      .set({ left_at: at })
      .where('opportunity_id', '=', o.id)
      .where('left_at', 'is', null)
      .execute();
  await trx
    .insertInto('opportunity_stage_history')
    .values({
      opportunity_id: o.id,
      pipeline_id: o.pipeline_id,
      stage_id: stage.id,
      from_stage_id: fromStageId,
      probability: stage.probability,
      amount: o.amount,
      entered_at: at,
      changed_by: actor.via === 'system' ? null : actor.userId,
    })
    .execute();
}

/** O1: into an open stage of a pipeline (the default one unless named), with the stage's probability unless the rep set one in range. */
export async function createOpportunity(
  trx: Db,
  actor: Actor,
  clock: Clock,
  b: z.infer<typeof createOpportunityBody>,
  extra: { leadId?: string } = {},
): Promise<string> {
  await findVisible(trx, actor, customerEntity, b.customerId).catch(() => {
    throw fieldError('customerId', 'reference');
  });
  const pipelineId = b.pipelineId ?? (await defaultPipelineId(trx));
  const stage = b.stageId ? await activeStage(trx, b.stageId) : await firstOpenStage(trx, pipelineId);
  if (!stage || stage.pipeline_id !== pipelineId) throw fieldError(b.stageId ? 'stageId' : 'pipelineId', 'reference');
  if (stage.kind !== 'open') throw fieldError('stageId', 'stage_not_open');
  const probability = b.probability ?? Number(stage.probability);
  assertInRange(stage, probability);
  await assertPicklistCodes(trx, 'opportunity_source', [b.source], 'source');
  const contacts = b.contacts.map((c) => ({ contactId: c.contactId, role: c.role ?? null }));
  await checkContacts(trx, b.customerId, contacts);
  const now = clock.now();
  const row = await insertRecord(
    trx,
    actor,
    opportunityEntity,
    {
      customer_id: b.customerId,
      name: b.name,
      amount: b.amount,
      currency: b.currency,
      pipeline_id: pipelineId,
      stage_id: stage.id,
      status: 'open',
      probability: pct(probability),
      expected_close_date: b.expectedCloseDate ?? null,
      source: b.source,
      competitors: b.competitors,
      next_step: b.nextStep,
      forecast_category: b.forecastCategory ?? null,
      description: b.description,
      lead_id: extra.leadId ?? null,
      stage_entered_at: now,
      created_at: now,
      updated_at: now,
    },
    b.ownerId ?? actor.userId,
  );
  const id = row.id as string;
  await replaceContacts(trx, id, contacts);
  await enterStage(trx, actor, now, { id, pipeline_id: pipelineId, amount: b.amount }, { id: stage.id, probability }, null);
  return id;
}

type OppRow = {
  id: string;
  version: number;
  customer_id: string;
  pipeline_id: string;
  stage_id: string;
  status: 'open' | 'won' | 'lost';
  amount: string;
  probability: string;
  source: string | null;
  lost_reason: string | null;
};

export async function updateOpportunity(
  trx: Db,
  actor: Actor,
  clock: Clock,
  id: string,
  body: z.infer<typeof updateOpportunityBody>,
): Promise<void> {
  const { version, contacts, ...b } = body;
  const before = (await findVisible(trx, actor, opportunityEntity, id, { forUpdate: true })) as unknown as OppRow;
  if (b.probability !== undefined && Number(b.probability) !== Number(before.probability)) {
    if (before.status !== 'open') throw fieldError('probability', 'probability_closed');
    const stage = await activeStage(trx, before.stage_id);
    if (stage) assertInRange(stage, b.probability);
  }
  await assertPicklistCodes(trx, 'opportunity_source', [b.source], 'source', [before.source]);
  const patch = Object.fromEntries(
    Object.entries({
      name: b.name,
      amount: b.amount,
      currency: b.currency,
      probability: b.probability === undefined ? undefined : pct(b.probability),
      expected_close_date: b.expectedCloseDate,
      source: b.source,
      competitors: b.competitors,
      next_step: b.nextStep,
      forecast_category: b.forecastCategory,
      description: b.description,
      owner_id: b.ownerId,
    }).filter(([, v]) => v !== undefined),
  );
  const toApi = async () => getOpportunity(trx, actor, clock, id);
  const after = await updateRecord(trx, actor, opportunityEntity, id, version, patch, toApi);
  if (contacts) {
    const list = contacts.map((c) => ({ contactId: c.contactId, role: c.role ?? null }));
    const old = await trx.selectFrom('opportunity_contacts').select(['contact_id', 'role']).where('opportunity_id', '=', id).execute();
    const key = (xs: { contactId: string; role: string | null }[]) =>
      JSON.stringify(xs.map((x) => [x.contactId, x.role]).sort((p, q) => (p[0] as string).localeCompare(q[0] as string)));
    const oldList = old.map((o) => ({ contactId: o.contact_id, role: o.role }));
    if (key(oldList) !== key(list)) {
      await checkContacts(trx, before.customer_id, list);
      await replaceContacts(trx, id, list);
      await writeHistory(trx, actor, {
        entity: 'opportunity',
        recordId: id,
        action: 'update',
        changes: [{ field: 'contacts', old: oldList, new: list }],
      });
      if (after.version === before.version) await touchRecord(trx, actor, opportunityEntity, id);
    }
  }
}

/**
 * O4: a stage move, with optimistic locking (the board's drag and drop sends the card's version).
 * The probability becomes the new stage's unless the rep keeps his own within its range; won and
 * lost close the opportunity (lost needs a reason); leaving them reopens it.
 */
export async function moveStage(trx: Db, actor: Actor, clock: Clock, id: string, body: z.infer<typeof moveStageBody>): Promise<void> {
  const before = (await findVisible(trx, actor, opportunityEntity, id, { forUpdate: true })) as unknown as OppRow;
  if (before.version !== body.version) throw new AppError('VERSION_CONFLICT', { current: await getOpportunity(trx, actor, clock, id) });
  const stage = await activeStage(trx, body.stageId);
  if (!stage || stage.pipeline_id !== before.pipeline_id) throw fieldError('stageId', 'reference');
  const probability = stage.kind === 'open' ? (body.probability ?? Number(stage.probability)) : Number(stage.probability);
  if (body.probability !== undefined && stage.kind !== 'open' && body.probability !== probability)
    throw fieldError('probability', 'probability_closed');
  assertInRange(stage, probability);
  if (stage.kind === 'lost') {
    if (!body.lostReason) throw fieldError('lostReason', 'required');
    await assertPicklistCodes(trx, 'lost_reason', [body.lostReason], 'lostReason');
  }
  const now = clock.now();
  const moved = stage.id !== before.stage_id;
  const patch: Record<string, unknown> = { probability: pct(probability) };
  if (moved) {
    Object.assign(patch, {
      stage_id: stage.id,
      status: stage.kind,
      stage_entered_at: now,
      closed_at: stage.kind === 'open' ? null : now,
      lost_reason: stage.kind === 'lost' ? body.lostReason : null,
      lost_note: stage.kind === 'lost' ? (body.lostNote ?? null) : null,
    });
  }
  const after = await updateRecord(trx, actor, opportunityEntity, id, body.version, patch, () => getOpportunity(trx, actor, clock, id));
  if (moved)
    await enterStage(
      trx,
      actor,
      now,
      { id, pipeline_id: before.pipeline_id, amount: after.amount as string },
      { id: stage.id, probability },
      before.stage_id,
    );
}

export const deleteOpportunity = (trx: Db, actor: Actor, id: string) => softDeleteRecord(trx, actor, opportunityEntity, id);

/** O4: every stay in a stage, oldest first, with the probability and amount in force on entering it. */
export async function stageHistory(db: Db, actor: Actor, clock: Clock, id: string): Promise<StageHistory['items']> {
  await findVisible(db, actor, opportunityEntity, id);
  const rows = await db
    .selectFrom('opportunity_stage_history as h')
    .innerJoin('pipeline_stages as s', 's.id', 'h.stage_id')
    .leftJoin('pipeline_stages as f', 'f.id', 'h.from_stage_id')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.stage_id',
      's.label_zh_cn',
      's.label_zh_tw',
      's.label_en',
      's.kind',
      'f.label_zh_cn as from_zh_cn',
      'f.label_zh_tw as from_zh_tw',
      'f.label_en as from_en',
      'h.probability',
      'h.amount',
      'h.entered_at',
      'h.left_at',
      'u.display_name',
    ])
    .where('h.opportunity_id', '=', id)
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute();
  const now = clock.now();
  return rows.map((r) => {
    const end = r.left_at ? new Date(r.left_at) : now;
    return {
      id: Number(r.id),
      stageId: r.stage_id,
      stageLabels: { 'zh-CN': r.label_zh_cn, 'zh-TW': r.label_zh_tw, en: r.label_en },
      stageKind: r.kind,
      fromStageLabels: r.from_zh_cn
        ? { 'zh-CN': r.from_zh_cn, 'zh-TW': r.from_zh_tw ?? r.from_zh_cn, en: r.from_en ?? r.from_zh_cn }
        : null,
      probability: Number(r.probability),
      amount: String(r.amount),
      enteredAt: new Date(r.entered_at).toISOString(),
      leftAt: r.left_at ? new Date(r.left_at).toISOString() : null,
      days: Math.round(((end.getTime() - new Date(r.entered_at).getTime()) / 86_400_000) * 10) / 10,
      changedByName: r.display_name,
    };
  });
}
