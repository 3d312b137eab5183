import { type Actor, loadActor } from '../../platform/access/actor.js';
import { decide } from '../../platform/approvals/engine.js';
import { latestRequestOf } from '../../platform/approvals/public.js';
import { systemClock } from '../../platform/clock.js';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { createExpense, submitExpense } from '../expenses/public.js';

const timeZone = process.env.CRM_TIME_ZONE ?? 'Asia/Shanghai';
const env = { clock: systemClock, timeZone };

type Fate = 'approved' | 'pending' | 'rejected' | 'draft';

/** [rep, category, amount, days ago, what for, fate] — the way 华东 and 华南 spend on their customers. */
const CLAIMS: [string, string, string, number, string, Fate][] = [
  ['zhou.sh1', 'entertainment', '1860.00', 12, '请客户采购总监和品控经理吃饭，谈明年框架协议', 'approved'],
  ['zhou.sh1', 'travel', '2345.50', 40, '去苏州工厂做产品演示，高铁+两晚住宿', 'approved'],
  ['zhou.sh1', 'gifts', '980.00', 75, '中秋礼盒 4 份，送客户关键人', 'approved'],
  ['zhou.sh1', 'samples', '1260.00', 105, '试用装 30 箱，门店试吃活动', 'approved'],
  ['zhou.sh1', 'entertainment', '688.00', 3, '客户来访，工作午餐', 'pending'],
  ['zhou.sh1', 'transport', '156.80', 1, '拜访客户打车往返', 'draft'],
  ['wu.sh2', 'travel', '3120.00', 20, '杭州、宁波两地客户巡访，三天', 'approved'],
  ['wu.sh2', 'events', '5800.00', 55, '区域经销商推介会场地和茶歇', 'approved'],
  ['wu.sh2', 'entertainment', '2400.00', 8, '宴请客户老板，庆祝续约', 'rejected'],
  ['wu.sh2', 'transport', '268.40', 135, '送样品到客户仓库，货拉拉', 'approved'],
  ['zheng.hz1', 'entertainment', '1520.00', 28, '客户技术团队交流后晚餐', 'approved'],
  ['zheng.hz1', 'gifts', '600.00', 160, '春节伴手礼', 'approved'],
  ['zheng.hz1', 'samples', '450.00', 5, '新品样品寄送', 'pending'],
  ['feng.gz1', 'travel', '1875.00', 33, '深圳客户现场调研', 'approved'],
  ['feng.gz1', 'entertainment', '990.00', 65, '请客户项目组吃饭', 'approved'],
  ['chen.sz1', 'other', '320.00', 90, '投标文件打印装订', 'approved'],
  ['wei.bj1', 'travel', '2680.00', 48, '天津客户年度回访', 'approved'],
];

const APPROVER: Record<string, string> = {
  'zhou.sh1': 'qian.east',
  'wu.sh2': 'qian.east',
  'zheng.hz1': 'qian.east',
  'feng.gz1': 'sun.south',
  'chen.sz1': 'sun.south',
  'wei.bj1': 'li.north',
};

/**
 * M4 on the first start: claims for the reps' own customers over the last half year, walked through
 * the real services and the approval engine — approved ones across categories and months (the
 * statistics page has something to show), one waiting in each manager's 待我审批, one rejected with
 * the reason, one draft.
 */
export async function seedDemoExpenses(trx: Db, users: Map<string, { id: string }>) {
  const actor = async (username: string): Promise<Actor> => {
    const a = await loadActor(trx, users.get(username)?.id as string);
    return { ...(a as Omit<Actor, 'via'>), via: 'session' };
  };
  const today = businessDate(new Date(), timeZone);
  const customersOf = new Map<string, { id: string; contract: string | null }[]>();
  for (const [username] of CLAIMS) {
    if (customersOf.has(username)) continue;
    const rows = await trx
      .selectFrom('customers as c')
      .leftJoin('contracts as k', (j) => j.onRef('k.customer_id', '=', 'c.id').on('k.deleted_at', 'is', null))
      .select(['c.id', 'k.id as contract'])
      .where('c.owner_id', '=', users.get(username)?.id as string)
      .where('c.deleted_at', 'is', null)
      .orderBy('k.id', (o) => o.asc().nullsLast())
      .orderBy('c.created_at')
      .limit(3)
      .execute();
    customersOf.set(username, rows);
  }
  const used = new Map<string, number>();
  for (const [username, category, amount, daysAgo, description, fate] of CLAIMS) {
    const customers = customersOf.get(username) ?? [];
    if (customers.length === 0) continue;
    const n = used.get(username) ?? 0;
    used.set(username, n + 1);
    const customer = customers[n % customers.length];
    const rep = await actor(username);
    const id = await createExpense(trx, rep, env, {
      customerId: customer.id,
      category,
      amount,
      spentOn: addDays(today, -daysAgo),
      description,
      contractId: customer.contract,
    });
    if (fate === 'draft') continue;
    await submitExpense(trx, rep, env, id, 1);
    if (fate === 'pending') continue;
    const requestId = await latestRequestOf(trx, 'expense', id);
    const comment = fate === 'rejected' ? '续约宴请超标准了，按公司规定每人不超过 200 元，请调整后重新提交' : null;
    if (requestId)
      await decide(trx, await actor(APPROVER[username]), requestId, fate === 'approved' ? 'approve' : 'reject', comment, {
        now: new Date(),
        timeZone,
      });
  }
}
