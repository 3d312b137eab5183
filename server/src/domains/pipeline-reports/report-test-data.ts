// Test data for the report tests: pipelines, customers, opportunities and stage history inserted
// directly, so the reports are tested on exactly the rows a test states (the opportunities API is a
// separate domain). Not imported by the app.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { uniq } from '../../test/factories.js';

export interface Owner {
  userId: string;
  deptId: string | null;
}

/**
 * Reports follow opportunities:view. Until the opportunities domain grants it to the built-in
 * roles, the report tests grant it themselves (a no-op once the roles carry it).
 */
export async function grantReportPermission(db: Db) {
  await sql`UPDATE roles SET permissions = permissions || '["opportunities:view"]'::jsonb
             WHERE key IN ('director', 'manager', 'rep') AND NOT permissions ? 'opportunities:view'`.execute(db);
}

type StageSpec = [key: string, label: string, kind: 'open' | 'won' | 'lost', probability: number, min?: number, max?: number];

/** Seed 002's template: 初步接触 10 % → 需求沟通 → 意向确认 → 报价 → 成功签约 100 %, plus 输单. */
const FIVE_STAGES: StageSpec[] = [
  ['initial', '初步接触', 'open', 10, 0, 30],
  ['needs', '需求沟通', 'open', 30, 10, 50],
  ['intent', '意向确认', 'open', 50, 30, 70],
  ['quote', '报价', 'open', 70, 50, 90],
  ['won', '成功签约', 'won', 100, 100, 100],
  ['lost', '输单', 'lost', 0, 0, 0],
];

/** Seed 003: Salesforce's nine stages (the ninth being closed won / closed lost). */
export const SALESFORCE_STAGES: StageSpec[] = [
  ['prospecting', '勘探', 'open', 10, 0, 30],
  ['qualification', '条件验证', 'open', 20, 0, 40],
  ['needs_analysis', '需求分析', 'open', 25, 10, 50],
  ['value_proposition', '价值主张', 'open', 30, 10, 60],
  ['decision_makers', '辨认决策者', 'open', 40, 20, 70],
  ['perception', '认知分析', 'open', 50, 30, 80],
  ['proposal', '提案/报价', 'open', 65, 40, 90],
  ['negotiation', '谈判/检视', 'open', 80, 50, 95],
  ['closed_won', '成交', 'won', 100, 100, 100],
  ['closed_lost', '失败', 'lost', 0, 0, 0],
];

export interface TestPipeline {
  id: string;
  stage: Record<string, { id: string; kind: 'open' | 'won' | 'lost'; probability: number }>;
}

export async function makePipeline(db: Db, stages: StageSpec[] = FIVE_STAGES): Promise<TestPipeline> {
  const p = await db
    .insertInto('pipelines')
    .values({ name: uniq('销售流程') })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = await db
    .insertInto('pipeline_stages')
    .values(
      stages.map(([key, label, kind, probability, min, max], i) => ({
        pipeline_id: p.id,
        key,
        label_zh_cn: label,
        label_zh_tw: label,
        label_en: key,
        kind,
        position: i + 1,
        probability,
        min_probability: min ?? probability,
        max_probability: max ?? probability,
      })),
    )
    .returning(['id', 'key', 'kind', 'probability'])
    .execute();
  return {
    id: p.id,
    stage: Object.fromEntries(rows.map((r) => [r.key, { id: r.id, kind: r.kind, probability: Number(r.probability) }])),
  };
}

async function makeCustomerRow(db: Db, owner: Owner, fields: { industry?: string | null } = {}) {
  const row = await db
    .insertInto('customers')
    .values({ owner_id: owner.userId, owner_dept_id: owner.deptId, name: uniq('客户'), industry: fields.industry ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface OpportunitySpec {
  owner: Owner;
  pipeline: TestPipeline;
  stage: string;
  amount: string;
  probability?: number;
  expectedCloseDate?: string | null;
  closedAt?: string | null;
  createdAt?: string;
  forecastCategory?: 'commit' | 'best_case' | 'pipeline' | 'omitted' | null;
  source?: string | null;
  customerId?: string;
  industry?: string | null;
  leadId?: string | null;
}

/** One opportunity; status follows the stage's kind, probability defaults to the stage's. */
export async function makeOpportunity(db: Db, o: OpportunitySpec): Promise<string> {
  const stage = o.pipeline.stage[o.stage];
  if (!stage) throw new Error(`no stage ${o.stage}`);
  const customerId = o.customerId ?? (await makeCustomerRow(db, o.owner, { industry: o.industry }));
  const created = o.createdAt ?? new Date().toISOString();
  const row = await db
    .insertInto('opportunities')
    .values({
      owner_id: o.owner.userId,
      owner_dept_id: o.owner.deptId,
      created_by: o.owner.userId,
      created_at: created,
      updated_at: created,
      customer_id: customerId,
      name: uniq('商机'),
      amount: o.amount,
      pipeline_id: o.pipeline.id,
      stage_id: stage.id,
      status: stage.kind,
      probability: o.probability ?? stage.probability,
      expected_close_date: o.expectedCloseDate ?? null,
      closed_at: o.closedAt ?? (stage.kind === 'open' ? null : created),
      forecast_category: o.forecastCategory ?? null,
      source: o.source ?? null,
      lead_id: o.leadId ?? null,
      stage_entered_at: created,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stays in stages, in order: each ends when the next begins; the last one is still open. */
export async function addStageHistory(db: Db, opportunityId: string, pipeline: TestPipeline, stays: [stage: string, enteredAt: string][]) {
  await db
    .insertInto('opportunity_stage_history')
    .values(
      stays.map(([stage, enteredAt], i) => ({
        opportunity_id: opportunityId,
        pipeline_id: pipeline.id,
        stage_id: pipeline.stage[stage].id,
        from_stage_id: i > 0 ? pipeline.stage[stays[i - 1][0]].id : null,
        probability: pipeline.stage[stage].probability,
        amount: 0,
        entered_at: enteredAt,
        left_at: i < stays.length - 1 ? stays[i + 1][1] : null,
      })),
    )
    .execute();
}
