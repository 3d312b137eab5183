import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { notifyMentions } from '../../platform/notifications/mentions.js';
import { notify } from '../../platform/notifications/notify.js';

type Users = Map<string, { id: string; dept: string }>;

// Managers and the director read mail; the reps have not given theirs yet (the profile says why
// nothing reaches them by e-mail).
const MAIL = ['zhao.zong', 'qian.east', 'sun.south', 'li.north'];

/**
 * The bell of the demo: 钱经理 asks 周小舟 about one of his key customers with an @mention on a real
 * follow-up, and 周小舟 has the reminders the jobs would have left him, linked to his own records.
 * Run after the documents, so the approval engine's own notifications are already there.
 */
export async function seedDemoNotifications(trx: Db, users: Users) {
  for (const username of MAIL) {
    const u = users.get(username);
    if (u)
      await trx
        .updateTable('users')
        .set({ email: `${username}@demo-crm.example.cn` })
        .where('id', '=', u.id)
        .execute();
  }
  const rep = users.get('zhou.sh1');
  const manager = users.get('qian.east');
  if (!rep || !manager) return;
  const customers = await trx
    .selectFrom('customers')
    .select(['id', 'name', 'owner_dept_id'])
    .where('owner_id', '=', rep.id)
    .where('deleted_at', 'is', null)
    .orderBy('is_key', 'desc')
    .orderBy('created_at')
    .limit(3)
    .execute();
  const [key, second, third] = customers;
  if (!key || !second || !third) return;

  const content = `陪同拜访了采购部，对方预算基本落实，但要求本月底前给到最终报价。@周小舟 这周内把报价单和付款方式再和对方确认一下，有折扣问题直接找我。`;
  const at = new Date(Date.now() - 50 * 60_000);
  const followUp = await trx
    .insertInto('follow_ups')
    .values({
      customer_id: key.id,
      type: 'visit',
      content,
      outcome: '客户倾向我方方案，等最终报价',
      occurred_at: at,
      owner_id: manager.id,
      owner_dept_id: manager.dept,
      created_by: manager.id,
      updated_by: manager.id,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO record_history (entity, record_id, action, actor_id, at) VALUES ('follow_up', ${followUp.id}, 'create', ${manager.id}, ${at})`.execute(
    trx,
  );
  await notifyMentions(trx, {
    authorId: manager.id,
    text: content,
    where: { 'zh-CN': `「${key.name}」的跟进记录`, 'zh-TW': `「${key.name}」的跟進紀錄`, en: `a follow-up of ${key.name}` },
    link: `/customers/${key.id}`,
    sourceKey: `follow-up:${followUp.id}`,
  });
  await notify(trx, [
    {
      userId: rep.id,
      kind: 'follow_up_due',
      title: `重点客户「${second.name}」该跟进了`,
      body: '已经超过跟进周期 3 天，今天打个电话或上门看看吧',
      link: `/customers/${second.id}`,
      dedupeKey: `demo:follow_up_due:${second.id}`,
    },
    {
      userId: rep.id,
      kind: 'customer_pool_warning',
      title: `客户「${third.name}」5 天后将退回公海`,
      body: '已经 25 天没有跟进，5 天内跟进一次即可保留',
      link: `/customers/${third.id}`,
      dedupeKey: `demo:pool_warning:${third.id}`,
    },
  ]);
  // Older ones the rep has already read: the centre shows history, the bell only what is new.
  const old = await notify(trx, [
    {
      userId: rep.id,
      kind: 'follow_up_due',
      title: `重点客户「${key.name}」该跟进了`,
      body: '今天到了跟进周期',
      link: `/customers/${key.id}`,
      dedupeKey: `demo:follow_up_due:${key.id}:old`,
    },
  ]);
  if (old > 0)
    await trx
      .updateTable('notifications')
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000), read_at: new Date(Date.now() - 3 * 86_400_000 + 3600_000) })
      .where('user_id', '=', rep.id)
      .where('dedupe_key', '=', `demo:follow_up_due:${key.id}:old`)
      .execute();
}
