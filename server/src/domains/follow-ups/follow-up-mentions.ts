import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { notifyMentions } from '../../platform/notifications/mentions.js';

/** Colleagues @mentioned in a follow-up hear of it once per follow-up, also when it is edited later. */
export async function notifyFollowUpMentions(trx: Db, actor: Actor, f: { id: string; customer_id: string; content: string }) {
  if (!f.content.includes('@')) return;
  const customer = await trx.selectFrom('customers').select('name').where('id', '=', f.customer_id).executeTakeFirst();
  const name = customer?.name ?? '';
  await notifyMentions(trx, {
    authorId: actor.userId,
    text: f.content,
    where: { 'zh-CN': `「${name}」的跟进记录`, 'zh-TW': `「${name}」的跟進紀錄`, en: `a follow-up of ${name}` },
    link: `/customers/${f.customer_id}`,
    sourceKey: `follow-up:${f.id}`,
  });
}
