import type { Opportunity, OpportunitySettings, opportunityFilters } from '@contracts/opportunities.js';
import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern } from '../../platform/records/list-query.js';
import { type RecordBaseRow, recordBaseToApi } from '../../platform/records/record-base-api.js';

/** What decides "stalled": the moment it is asked and the company's no-follow-up limit. */
export interface StallRule {
  now: Date;
  settings: OpportunitySettings;
}

/**
 * O4 stalled: open, and either longer in its stage than the stage allows, or without a follow-up
 * (since creation when it never had one) for the company's number of days. `stageDays` is the
 * stage's limit as SQL.
 */
export function stalledExpression(rule: StallRule, stageDays: RawBuilder<unknown>): RawBuilder<'stage_limit' | 'no_follow_up' | null> {
  const n = rule.settings.stalledNoFollowUpDays;
  return sql<'stage_limit' | 'no_follow_up' | null>`CASE
    WHEN o.status <> 'open' THEN NULL
    WHEN ${stageDays} IS NOT NULL AND o.stage_entered_at < ${rule.now}::timestamptz - make_interval(days => ${stageDays}) THEN 'stage_limit'
    ${n ? sql`WHEN coalesce(o.last_follow_up_at, o.created_at) < ${rule.now}::timestamptz - make_interval(days => ${n}::int) THEN 'no_follow_up'` : sql``}
  END`;
}

/** One deal's weighted amount (amount × probability), exact to the cent, as the API shows it. */
export const weightedAmountSql = sql<string>`round(o.amount * o.probability / 100, 2)::text`;

const stageLimitOf = sql`(SELECT st.stalled_after_days FROM pipeline_stages st WHERE st.id = o.stage_id)`;

/** The first day of YYYY-MM and of the month after, as dates. */
function monthBounds(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

type Filters = z.infer<typeof opportunityFilters> & { stageId?: string; status?: 'open' | 'won' | 'lost' };
// biome-ignore lint/suspicious/noExplicitAny: a query over `opportunities as o`
type OppQuery = SelectQueryBuilder<any, any, any>;

/** P2 scope and the board's and list's filters, on `opportunities as o`. */
export function applyFilters(q: OppQuery, actor: Actor, f: Filters, rule: StallRule): OppQuery {
  let x = q.where('o.deleted_at', 'is', null).where(scopeFilter(actor, 'o', { ownerId: f.ownerId, departmentId: f.departmentId }));
  if (f.pipelineId) x = x.where('o.pipeline_id', '=', f.pipelineId);
  if (f.stageId) x = x.where('o.stage_id', '=', f.stageId);
  if (f.status) x = x.where('o.status', '=', f.status);
  if (f.customerId) x = x.where('o.customer_id', '=', f.customerId);
  if (f.source?.length) x = x.where('o.source', 'in', f.source);
  if (f.closeMonth) {
    const [from, to] = monthBounds(f.closeMonth);
    x = x.where('o.expected_close_date', '>=', from).where('o.expected_close_date', '<', to);
  }
  if (f.q) {
    const p = likePattern(f.q);
    x = x.where(sql<SqlBool>`(o.name ILIKE ${p} OR EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.name ILIKE ${p}))`);
  }
  if (f.stalled) x = x.where(sql<SqlBool>`${stalledExpression(rule, stageLimitOf)} IS NOT NULL`);
  return x;
}

/** Whether only scope, owner, department and pipeline narrow the rows: then the stage totals table can count them. */
export const onlyOwnerFilters = (f: Filters) => !f.q && !f.source?.length && !f.closeMonth && !f.customerId && !f.stalled;

/** The display columns of an opportunity, joined onto `opportunities as o`. */
export function selectForApi(q: OppQuery, rule: StallRule): OppQuery {
  return q
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .innerJoin('pipelines as p', 'p.id', 'o.pipeline_id')
    .innerJoin('pipeline_stages as s', 's.id', 'o.stage_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .leftJoin('departments as d', 'd.id', 'o.owner_dept_id')
    .selectAll('o')
    .select([
      'c.name as customer_name',
      'p.name as pipeline_name',
      's.label_zh_cn as stage_zh_cn',
      's.label_zh_tw as stage_zh_tw',
      's.label_en as stage_en',
      's.kind as stage_kind',
      's.probability as stage_probability',
      's.min_probability as stage_min',
      's.max_probability as stage_max',
      'u.display_name as owner_name',
      'd.name as owner_dept_name',
      weightedAmountSql.as('weighted_amount'),
      stalledExpression(rule, sql.ref('s.stalled_after_days')).as('stalled'),
    ]);
}

export interface OpportunityApiRow extends RecordBaseRow {
  customer_id: string;
  customer_name: string;
  name: string;
  amount: string;
  currency: string;
  weighted_amount: string;
  pipeline_id: string;
  pipeline_name: string;
  stage_id: string;
  stage_zh_cn: string;
  stage_zh_tw: string;
  stage_en: string;
  stage_kind: 'open' | 'won' | 'lost';
  stage_probability: string;
  stage_min: string;
  stage_max: string;
  status: 'open' | 'won' | 'lost';
  probability: string;
  expected_close_date: string | null;
  source: string | null;
  competitors: string | null;
  next_step: string | null;
  forecast_category: Opportunity['forecastCategory'];
  lost_reason: string | null;
  lost_note: string | null;
  description: string | null;
  lead_id: string | null;
  stage_entered_at: Date;
  closed_at: Date | null;
  last_follow_up_at: Date | null;
  owner_name: string | null;
  owner_dept_name: string | null;
  stalled: 'stage_limit' | 'no_follow_up' | null;
}

const DAY_MS = 86_400_000;
export const daysSince = (at: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / DAY_MS));

/** Rows read with selectForApi, plus their contacts in one more query. */
export async function opportunitiesToApi(db: Db, rows: OpportunityApiRow[], now: Date): Promise<Opportunity[]> {
  if (rows.length === 0) return [];
  const contacts = await db
    .selectFrom('opportunity_contacts as oc')
    .innerJoin('contacts as k', 'k.id', 'oc.contact_id')
    .select(['oc.opportunity_id', 'oc.contact_id', 'oc.role', 'k.name'])
    .where(
      'oc.opportunity_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('k.name')
    .execute();
  return rows.map((r) => ({
    ...recordBaseToApi(r, r.owner_name, r.owner_dept_name),
    customerId: r.customer_id,
    customerName: r.customer_name,
    name: r.name,
    amount: r.amount,
    currency: r.currency,
    weightedAmount: r.weighted_amount,
    pipelineId: r.pipeline_id,
    pipelineName: r.pipeline_name,
    stage: {
      id: r.stage_id,
      labels: { 'zh-CN': r.stage_zh_cn, 'zh-TW': r.stage_zh_tw, en: r.stage_en },
      kind: r.stage_kind,
      probability: Number(r.stage_probability),
      minProbability: Number(r.stage_min),
      maxProbability: Number(r.stage_max),
    },
    status: r.status,
    probability: Number(r.probability),
    expectedCloseDate: r.expected_close_date,
    source: r.source,
    competitors: r.competitors,
    nextStep: r.next_step,
    forecastCategory: r.forecast_category,
    lostReason: r.lost_reason,
    lostNote: r.lost_note,
    description: r.description,
    leadId: r.lead_id,
    stageEnteredAt: new Date(r.stage_entered_at).toISOString(),
    daysInStage: daysSince(r.stage_entered_at, now),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    lastFollowUpAt: r.last_follow_up_at ? new Date(r.last_follow_up_at).toISOString() : null,
    stalled: r.stalled,
    contacts: contacts.filter((c) => c.opportunity_id === r.id).map((c) => ({ contactId: c.contact_id, name: c.name, role: c.role })),
  }));
}
