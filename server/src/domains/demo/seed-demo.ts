import { sql } from 'kysely';
import { generatePassword, hashPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { createUser } from '../organisation/public.js';
import { seedDemoOpportunities } from './demo-opportunities.js';
import { seedDemoCredit } from './demo-credit.js';
import { seedDemoDailyReports } from './demo-daily-reports.js';
import { seedDemoDocuments } from './demo-documents.js';
import { seedDemoOrders } from './demo-orders.js';
import { seedDemoExpenses } from './demo-expenses.js';
import { seedDemoProducts } from './demo-products.js';
import { seedDemoReceivables } from './demo-receivables.js';
import { seedDemoInsights } from './demo-insights.js';
import { seedDemoTargets } from './demo-targets.js';
import { seedDemoNotifications } from './demo-notifications.js';
import {
  BUSINESS,
  CITIES,
  CONTACT_DEPTS,
  CORE_WORDS,
  FOLLOW_UP_STORIES,
  GIVEN,
  REGIONS,
  SUFFIXES,
  SURNAMES,
  TITLES,
  seededRandom,
} from './demo-names.js';

interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  department: string;
}

const DEPARTMENTS: [name: string, parent: string | null][] = [
  ['总公司', null],
  ['销售中心', '总公司'],
  ['华东销售部', '销售中心'],
  ['上海一组', '华东销售部'],
  ['杭州组', '华东销售部'],
  ['华南销售部', '销售中心'],
  ['华北销售部', '销售中心'],
  ['财务部', '总公司'],
  ['法务部', '总公司'],
  ['项目部', '总公司'],
  ['采购部', '总公司'],
];

const USERS: DemoUser[] = [
  { username: 'zhao.zong', displayName: '赵总', role: 'director', department: '销售中心' },
  { username: 'qian.east', displayName: '钱经理', role: 'manager', department: '华东销售部' },
  { username: 'sun.south', displayName: '孙经理', role: 'manager', department: '华南销售部' },
  { username: 'li.north', displayName: '李经理', role: 'manager', department: '华北销售部' },
  { username: 'zhou.sh1', displayName: '周小舟', role: 'rep', department: '上海一组' },
  { username: 'wu.sh2', displayName: '吴佳怡', role: 'rep', department: '上海一组' },
  { username: 'zheng.hz1', displayName: '郑浩然', role: 'rep', department: '杭州组' },
  { username: 'wang.hz2', displayName: '王思远', role: 'rep', department: '杭州组' },
  { username: 'feng.gz1', displayName: '冯晓梅', role: 'rep', department: '华南销售部' },
  { username: 'chen.sz1', displayName: '陈志强', role: 'rep', department: '华南销售部' },
  { username: 'chu.sz2', displayName: '褚文静', role: 'rep', department: '华南销售部' },
  { username: 'wei.bj1', displayName: '卫东', role: 'rep', department: '华北销售部' },
  { username: 'jiang.bj2', displayName: '蒋雨桐', role: 'rep', department: '华北销售部' },
  { username: 'shen.tj1', displayName: '沈立新', role: 'rep', department: '华北销售部' },
  { username: 'han.fin', displayName: '韩会计', role: 'finance', department: '财务部' },
  { username: 'yang.fin', displayName: '杨出纳', role: 'finance', department: '财务部' },
  { username: 'zhu.legal', displayName: '朱律师', role: 'legal', department: '法务部' },
  { username: 'qin.pm', displayName: '秦项目', role: 'project_manager', department: '项目部' },
  { username: 'you.pm', displayName: '尤工', role: 'project_manager', department: '项目部' },
  { username: 'xu.buyer', displayName: '许采购', role: 'purchasing', department: '采购部' },
];

const MANAGERS: Record<string, string> = {
  销售中心: 'zhao.zong',
  华东销售部: 'qian.east',
  华南销售部: 'sun.south',
  华北销售部: 'li.north',
};

/** A demo company: departments, ~20 users across the roles, a few hundred customers with contacts, deals and notes. */
export async function seedDemo(db: Db, opts: { customers?: number; seed?: number } = {}) {
  const rnd = seededRandom(opts.seed ?? 20261124);
  const password = generatePassword();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const deptIds = new Map<string, string>();
    for (const [name, parent] of DEPARTMENTS) {
      const row = await trx
        .insertInto('departments')
        .values({ name, parent_id: parent ? (deptIds.get(parent) ?? null) : null, sort_order: deptIds.size * 10 })
        .returning('id')
        .executeTakeFirstOrThrow();
      deptIds.set(name, row.id);
    }
    const userIds = new Map<string, { id: string; dept: string }>();
    for (const u of USERS) {
      const id = await createUser(trx, { ...u, password, roles: [u.role], departmentId: deptIds.get(u.department) }, hash);
      userIds.set(u.username, { id, dept: deptIds.get(u.department) as string });
    }
    for (const [dept, username] of Object.entries(MANAGERS)) {
      await trx
        .updateTable('departments')
        .set({ manager_id: userIds.get(username)?.id })
        .where('id', '=', deptIds.get(dept) as string)
        .execute();
    }

    const reps = USERS.filter((u) => u.role === 'rep' || u.role === 'manager').map(
      (u) => userIds.get(u.username) as { id: string; dept: string },
    );
    const used = new Set<string>();
    const customers = [];
    const count = opts.customers ?? 300;
    while (customers.length < count) {
      const city = rnd.pick(CITIES);
      const [industry, business] = rnd.pick(BUSINESS);
      const name = `${city}${rnd.pick(CORE_WORDS)}${business}${rnd.pick(SUFFIXES)}`;
      if (used.has(name)) continue;
      used.add(name);
      const owner = rnd.pick(reps);
      const daysAgo = rnd.int(0, 400);
      customers.push({
        name,
        short_name: name.slice(city.length, city.length + 4),
        industry,
        source: rnd.pick(['referral', 'exhibition', 'website', 'cold_call', 'advertising', 'partner', 'bidding']),
        grade: rnd.pick(['A', 'B', 'B', 'C', 'C', 'C', 'D']),
        customer_type: rnd.pick(['development', 'development', 'retention', 'project'] as const),
        region: `${REGIONS[city]}/${city}`,
        address: `${city}市${rnd.pick(['高新区', '经开区', '工业园区', '滨江区', '中心区'])}${rnd.pick(['科技路', '创业大道', '人民路', '长江路'])}${rnd.int(1, 999)}号`,
        phone: `0${rnd.int(10, 99)}-${rnd.int(60000000, 89999999)}`,
        website:
          rnd.next() < 0.6
            ? `https://www.${['hc', 'hx', 'df', 'rf', 'xr', 'yh', 'bd', 'jq'][rnd.int(0, 7)]}${rnd.int(100, 999)}.com.cn`
            : null,
        tags: rnd.next() < 0.3 ? [rnd.pick(['vip', 'price_sensitive', 'long_cycle', 'competitor_user'])] : [],
        is_key: rnd.next() < 0.15,
        follow_up_cycle_days: rnd.next() < 0.15 ? rnd.pick([7, 14, 30]) : null,
        credit_limit: rnd.next() < 0.5 ? `${rnd.int(5, 200) * 10000}.00` : null,
        remarks: null,
        owner_id: owner.id,
        owner_dept_id: owner.dept,
        created_by: owner.id,
        updated_by: owner.id,
        created_at: new Date(Date.now() - daysAgo * 86_400_000),
        updated_at: new Date(Date.now() - rnd.int(0, daysAgo) * 86_400_000),
      });
    }
    const inserted = [];
    for (let i = 0; i < customers.length; i += 100) {
      inserted.push(
        ...(await trx
          .insertInto('customers')
          .values(customers.slice(i, i + 100))
          .returning(['id', 'owner_id', 'owner_dept_id', 'created_at'])
          // Demo customers all have an owner (none start in the pool).
          .$narrowType<{ owner_id: string }>()
          .execute()),
      );
    }
    const contacts = inserted.flatMap((c) =>
      Array.from({ length: rnd.int(1, 3) }, (_, i) => ({
        customer_id: c.id,
        name: `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`,
        title: rnd.pick(TITLES),
        department: rnd.pick(CONTACT_DEPTS),
        role: i === 0 ? 'decision_maker' : rnd.pick(['technical', 'purchasing', 'user', 'influencer']),
        mobile: `1${rnd.pick(['38', '39', '50', '58', '86', '88'])}${String(rnd.int(0, 99999999)).padStart(8, '0')}`,
        email: rnd.next() < 0.5 ? `contact${rnd.int(1000, 9999)}@example.cn` : null,
        birthday:
          rnd.next() < 0.3
            ? `19${rnd.int(65, 95)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
            : null,
        is_primary: i === 0,
        owner_id: c.owner_id,
        owner_dept_id: c.owner_dept_id,
        created_by: c.owner_id,
        updated_by: c.owner_id,
        created_at: c.created_at,
        updated_at: c.created_at,
      })),
    );
    for (let i = 0; i < contacts.length; i += 200)
      await trx
        .insertInto('contacts')
        .values(contacts.slice(i, i + 200))
        .execute();
    const followUps = inserted.flatMap((c) =>
      Array.from({ length: rnd.int(0, 4) }, () => {
        const [type, content, outcome] = rnd.pick(FOLLOW_UP_STORIES);
        const hoursSinceCreated = Math.max(1, Math.floor((Date.now() - c.created_at.getTime()) / 3_600_000));
        const at = new Date(c.created_at.getTime() + rnd.int(0, hoursSinceCreated) * 3_600_000);
        return {
          customer_id: c.id,
          type,
          content,
          outcome,
          occurred_at: at,
          next_follow_up_date: rnd.next() < 0.5 ? new Date(at.getTime() + rnd.int(3, 30) * 86_400_000).toISOString().slice(0, 10) : null,
          owner_id: c.owner_id,
          owner_dept_id: c.owner_dept_id,
          created_by: c.owner_id,
          updated_by: c.owner_id,
          created_at: at,
          updated_at: at,
        };
      }),
    );
    for (let i = 0; i < followUps.length; i += 200)
      await trx
        .insertInto('follow_ups')
        .values(followUps.slice(i, i + 200))
        .execute();
    // Demo records get their 'create' history rows like records entered by hand.
    await sql`INSERT INTO record_history (entity, record_id, action, actor_id, at)
              SELECT 'customer', id, 'create', created_by, created_at FROM customers
              UNION ALL SELECT 'contact', id, 'create', created_by, created_at FROM contacts
              UNION ALL SELECT 'follow_up', id, 'create', created_by, created_at FROM follow_ups`.execute(trx);
    // Leads: some with their reps, some waiting in the pool, and two routing rules to show how they flow.
    const regionalReps = (dept: string) =>
      USERS.filter((u) => u.role === 'rep' && u.department.includes(dept)).map((u) => userIds.get(u.username)?.id as string);
    await trx
      .insertInto('lead_assignment_rules')
      .values([
        {
          name: '华南线索轮流分给华南销售部',
          position: 1,
          match_regions: ['华南'],
          strategy: 'round_robin',
          user_ids: regionalReps('华南'),
        },
        {
          name: '华北线索轮流分给华北销售部',
          position: 2,
          match_regions: ['华北'],
          strategy: 'round_robin',
          user_ids: regionalReps('华北'),
        },
      ])
      .execute();
    const leads = Array.from({ length: 40 }, (_, i) => {
      const city = rnd.pick(CITIES);
      const [industry, business] = rnd.pick(BUSINESS);
      const pooled = i % 3 === 0;
      const owner = rnd.pick(reps);
      const at = new Date(Date.now() - rnd.int(0, 60) * 86_400_000);
      return {
        company: `${city}${rnd.pick(CORE_WORDS)}${business}${rnd.pick(SUFFIXES)}`,
        contact_name: `${rnd.pick(SURNAMES)}${rnd.pick(['经理', '总', '工', '主任'])}`,
        title: rnd.pick(TITLES),
        mobile: `1${rnd.pick(['36', '52', '77', '89'])}${String(rnd.int(0, 99999999)).padStart(8, '0')}`,
        region: `${REGIONS[city]}/${city}`,
        industry,
        source: rnd.pick(['exhibition', 'website', 'advertising', 'partner']),
        status: pooled ? ('new' as const) : rnd.pick(['new', 'contacted', 'contacted', 'qualified'] as const),
        owner_id: pooled ? null : owner.id,
        owner_dept_id: pooled ? null : owner.dept,
        assigned_at: pooled ? null : at,
        created_at: at,
        updated_at: at,
      };
    });
    await trx.insertInto('leads').values(leads).execute();
    await sql`INSERT INTO record_history (entity, record_id, action, at) SELECT 'lead', id, 'create', created_at FROM leads`.execute(trx);
    // A few customers in the public pool (公海): given up by their reps or returned for lack of follow-up.
    await sql`
      WITH picked AS (
        SELECT id, owner_id, row_number() OVER (ORDER BY created_at) AS n FROM customers WHERE NOT is_key ORDER BY created_at LIMIT 12
      ), moved AS (
        UPDATE customers c
           SET owner_id = NULL, owner_dept_id = NULL, pooled_from = p.owner_id,
               pooled_at = now() - make_interval(days => (p.n * 3)::int),
               pool_reason = CASE WHEN p.n % 3 = 0 THEN 'released' ELSE 'no_follow_up' END
          FROM picked p WHERE c.id = p.id
        RETURNING c.id, c.pooled_from, c.pooled_at, c.pool_reason
      )
      INSERT INTO record_history (entity, record_id, action, field, old_value, new_value, actor_id, at)
      SELECT 'customer', id, 'release', 'owner_id', to_jsonb(pooled_from::text), 'null'::jsonb,
             CASE WHEN pool_reason = 'released' THEN pooled_from END, pooled_at FROM moved`.execute(trx);
    await seedDemoOpportunities(trx, rnd);
    await seedDemoProducts(trx, userIds.get('xu.buyer') as { id: string; dept: string });
    await seedDemoDocuments(trx, userIds);
    await seedDemoOrders(trx, userIds);
    await seedDemoExpenses(trx, userIds);
    await seedDemoReceivables(trx, userIds);
    await seedDemoInsights(trx, userIds);
    await seedDemoTargets(trx, userIds);
    // Last: its limits follow what the documents above left owing.
    await seedDemoCredit(trx);
    await seedDemoDailyReports(trx, userIds, rnd);
    await seedDemoNotifications(trx, userIds);
    // A few notes in the knowledge base, linked to customers, the way a team writes them.
    const noteAuthors = reps.slice(0, 4);
    const keyCustomers = await trx.selectFrom('customers').select(['id', 'owner_id']).where('is_key', '=', true).limit(4).execute();
    const NOTES: [title: string, body: string, tags: string[]][] = [
      [
        '医疗器械客户打单套路',
        '1. 先找**设备科**，再约院办。\n2. 招标前三个月进场，参数写进标书才有胜算。\n3. 竞品常用低价切入，我们讲售后响应和培训。',
        ['医疗行业', '打单经验'],
      ],
      [
        '华东区竞品动态（本季度）',
        '- 竞品 A 在苏州降价 8%，主打三年维保\n- 竞品 B 换了区域经理，渠道在动摇，可以趁机接触他们的老客户',
        ['竞品', '华东'],
      ],
      ['报价审批的几个坑', '折扣超过 **15%** 要总监审批，提前一天走流程；合同付款条件别写“验收后 90 天”，财务会打回。', ['报价', '流程']],
      [
        '制造业客户首次拜访清单',
        '- 带上同行业案例（汽配、精密机械各一份）\n- 问清楚产线数量和明年扩产计划\n- 约好技术交流的时间再走',
        ['制造业', '拜访'],
      ],
    ];
    for (const [i, [title, body, tags]] of NOTES.entries()) {
      // Written over the past weeks, so the list is not all "just now".
      const at = new Date(Date.now() - (i + 1) * 5 * 86_400_000);
      const author = noteAuthors[i % noteAuthors.length];
      const [note] = await trx
        .insertInto('notes')
        .values({
          title,
          body,
          tags,
          owner_id: author.id,
          owner_dept_id: author.dept,
          created_by: author.id,
          updated_by: author.id,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .execute();
      const customer = keyCustomers[i];
      if (customer) await trx.insertInto('note_links').values({ note_id: note.id, entity: 'customer', record_id: customer.id }).execute();
    }
    await sql`INSERT INTO record_history (entity, record_id, action, actor_id, at) SELECT 'note', id, 'create', created_by, created_at FROM notes`.execute(
      trx,
    );
    return { password, users: USERS };
  });
}
