import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { seededRandom } from './demo-names.js';

const DAY = 86_400_000;
const DEALS = [
  '年度设备采购',
  '产线自动化改造',
  'ERP 升级项目',
  '二期扩容',
  '备品备件框架协议',
  '信息化建设',
  '运维服务续约',
  '新厂房配套',
];
const NEXT_STEPS = [
  '约技术负责人做方案演示',
  '周五前把报价单发给采购',
  '等客户内部立项审批',
  '安排总监一起拜访老板',
  '准备标书和资质文件',
  null,
];
const COMPETITORS = ['西门子', '施耐德', '用友', '金蝶', '本地代理商', null];

/**
 * Demo deals in the standard pipeline: about half the customers have one or two, spread over the
 * stages, each with the stage history that brought it there, so the board, the forecast and the
 * funnel have something to show on the first start.
 */
export async function seedDemoOpportunities(trx: Db, rnd: ReturnType<typeof seededRandom>) {
  const pipeline = await trx.selectFrom('pipelines').select('id').where('key', '=', 'standard').executeTakeFirst();
  if (!pipeline) return;
  const stages = await trx
    .selectFrom('pipeline_stages')
    .select(['id', 'kind', 'probability'])
    .where('pipeline_id', '=', pipeline.id)
    .where('active', '=', true)
    .orderBy('position')
    .execute();
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  if (!won || !lost || open.length === 0) return;
  const customers = await trx
    .selectFrom('customers')
    .select(['id', 'owner_id', 'owner_dept_id'])
    .where('owner_id', 'is not', null)
    .orderBy('created_at')
    .execute();
  const now = Date.now();
  for (const c of customers) {
    const n = rnd.next() < 0.5 ? 0 : rnd.int(1, 2);
    for (let k = 0; k < n; k++) {
      // Where the deal ended up: mostly open, some won, some lost.
      const roll = rnd.next();
      // A funnel: most deals stop early, few reach the quote.
      const reached = Math.min(open.length - 1, Math.floor(open.length * rnd.next() ** 1.6));
      const path = [...open.slice(0, reached + 1), ...(roll < 0.2 ? [won] : roll < 0.3 ? [lost] : [])];
      const last = path[path.length - 1];
      // Walk back from the latest stage change: each earlier stay lasted a few days to a few weeks.
      const enteredAt: Date[] = [new Date(now - rnd.int(0, last.kind === 'open' ? 35 : 150) * DAY - rnd.int(1, 600) * 60_000)];
      for (let i = 1; i < path.length; i++) enteredAt.unshift(new Date(enteredAt[0].getTime() - rnd.int(3, 25) * DAY));
      const createdAt = enteredAt[0];
      // Most open deals were followed up lately; the rest are the stalled ones a manager should see.
      const lastFollowUp = last.kind === 'open' && rnd.next() < 0.75 ? new Date(now - rnd.int(0, 12) * DAY) : null;
      const amount = `${rnd.int(2, 120) * 5000}.00`;
      const closed = last.kind !== 'open';
      const close = closed ? enteredAt[enteredAt.length - 1] : new Date(now + rnd.int(-5, 100) * DAY);
      const [row] = await trx
        .insertInto('opportunities')
        .values({
          owner_id: c.owner_id as string,
          owner_dept_id: c.owner_dept_id,
          created_by: c.owner_id,
          updated_by: c.owner_id,
          created_at: createdAt,
          updated_at: enteredAt[enteredAt.length - 1],
          customer_id: c.id,
          name: rnd.pick(DEALS),
          amount,
          pipeline_id: pipeline.id,
          stage_id: last.id,
          status: last.kind,
          probability: last.probability,
          expected_close_date: close.toISOString().slice(0, 10),
          source: rnd.pick(['existing_customer', 'referral', 'exhibition', 'website', 'partner', 'bidding']),
          competitors: rnd.pick(COMPETITORS),
          next_step: closed ? null : rnd.pick(NEXT_STEPS),
          // Reps commit the deals near the end of the funnel, as they would.
          forecast_category: closed
            ? null
            : reached >= open.length - 1
              ? rnd.pick(['commit', 'best_case'] as const)
              : reached >= open.length - 2
                ? rnd.pick(['best_case', 'pipeline'] as const)
                : rnd.pick(['pipeline', null] as const),
          lost_reason: last.kind === 'lost' ? rnd.pick(['price', 'competitor', 'no_budget', 'no_decision']) : null,
          stage_entered_at: enteredAt[enteredAt.length - 1],
          closed_at: closed ? enteredAt[enteredAt.length - 1] : null,
          last_follow_up_at: lastFollowUp,
        })
        .returning('id')
        .execute();
      await trx
        .insertInto('opportunity_stage_history')
        .values(
          path.map((s, i) => ({
            opportunity_id: row.id,
            pipeline_id: pipeline.id,
            stage_id: s.id,
            from_stage_id: i === 0 ? null : path[i - 1].id,
            probability: s.probability,
            amount,
            entered_at: enteredAt[i],
            left_at: i + 1 < path.length ? enteredAt[i + 1] : null,
            changed_by: c.owner_id,
          })),
        )
        .execute();
    }
  }
  await sql`INSERT INTO record_history (entity, record_id, action, actor_id, at)
            SELECT 'opportunity', id, 'create', created_by, created_at FROM opportunities`.execute(trx);
}
