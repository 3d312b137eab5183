import { sql } from 'kysely';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { FOLLOW_UP_STORIES, type seededRandom } from './demo-names.js';

const timeZone = process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai';

// What the reps wrote under yesterday's report: the plan shows on today's report without retyping.
const NOTES: [username: string, comment: string, plan: string][] = [
  ['zhou.sh1', '上午拜访了两家老客户，一家在比价，下午把方案发过去了。', '上午回访报价反馈，下午约技术部开需求沟通会'],
  ['wu.sh2', '整理了本月的商机，两个项目卡在报价阶段，需要经理支持折扣。', '找钱经理申请折扣，给客户回电话'],
  ['zheng.hz1', '展会带回来的线索打了一轮电话，有三家愿意见面。', '排好下周三家的拜访计划'],
  ['wang.hz2', '合同条款和法务对了一遍，客户答应本周盖章。', '催合同盖章，准备首付款发票'],
  ['feng.gz1', '陪客户做了试用培训，反馈不错。', '跟进试用结果，争取月底前签约'],
  ['chen.sz1', '老客户续约谈得比较顺，对方要求加两个培训名额。', '出续约报价'],
  ['jiang.bj2', '拜访了两家新客户，其中一家是竞品用户。', '发成功案例，约对方技术负责人'],
];

/**
 * T3 on the first start: yesterday's comments and plans for most reps, and a morning's work for
 * 周小舟 today (two follow-ups, one planned visit done, one still open), so 销售日报 and 团队日报
 * show a real day; 卫东 and 沈立新 wrote nothing, so the team report has someone to name.
 */
export async function seedDemoDailyReports(
  trx: Db,
  users: Map<string, { id: string; dept: string }>,
  rnd: ReturnType<typeof seededRandom>,
): Promise<void> {
  const now = new Date();
  const today = businessDate(now, timeZone);
  const yesterday = addDays(today, -1);
  await trx
    .insertInto('daily_reports')
    .values(
      NOTES.map(([username, comment, plan]) => {
        const u = users.get(username) as { id: string; dept: string };
        return { owner_id: u.id, owner_dept_id: u.dept, day: yesterday, comment, plan, updated_by: u.id };
      }),
    )
    .execute();

  const zhou = users.get('zhou.sh1') as { id: string; dept: string };
  const customers = await trx
    .selectFrom('customers')
    .select(['id'])
    .where('owner_id', '=', zhou.id)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .limit(3)
    .execute();
  if (customers.length < 3) return;
  // Earlier today, whatever the hour of the first start: never in the future, never before midnight.
  const { rows } = await sql<{ at: Date }>`SELECT (${today}::date::timestamp AT TIME ZONE ${timeZone}) AS at`.execute(trx);
  const midnight = new Date(rows[0]?.at ?? now);
  const earlierToday = (fraction: number) => new Date(midnight.getTime() + Math.floor((now.getTime() - midnight.getTime()) * fraction));
  const stories = [FOLLOW_UP_STORIES[1], FOLLOW_UP_STORIES[4]];
  const followUps = await trx
    .insertInto('follow_ups')
    .values(
      customers.slice(0, 2).map((c, i) => {
        const [type, content, outcome] = stories[i] ?? rnd.pick(FOLLOW_UP_STORIES);
        const at = earlierToday(0.4 + i * 0.3);
        return {
          customer_id: c.id,
          type,
          content,
          outcome,
          occurred_at: at,
          owner_id: zhou.id,
          owner_dept_id: zhou.dept,
          created_by: zhou.id,
          updated_by: zhou.id,
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .returning(['id', 'customer_id'])
    .execute();
  await trx
    .insertInto('visit_plans')
    .values([
      {
        owner_id: zhou.id,
        owner_dept_id: zhou.dept,
        created_by: zhou.id,
        plan_date: today,
        customer_id: followUps[0]?.customer_id as string,
        purpose: '现场演示，确认交付周期',
        fulfilled_by: followUps[0]?.id ?? null,
      },
      {
        owner_id: zhou.id,
        owner_dept_id: zhou.dept,
        created_by: zhou.id,
        plan_date: today,
        customer_id: customers[2]?.id as string,
        purpose: '送续约方案',
      },
    ])
    .execute();
}
