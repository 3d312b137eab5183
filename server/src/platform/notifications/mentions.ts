import type { Locale } from '@contracts/common.js';
import { mentionedIds } from '@contracts/mentions.js';
import type { Db } from '../db/database.js';
import { format } from '../i18n/messages.js';
import { registerNotificationKind } from './notification-kinds.js';
import { notify } from './notify.js';

export const MENTION_KIND = 'mention';

registerNotificationKind({
  key: MENTION_KIND,
  labels: { 'zh-CN': '有人@我', 'zh-TW': '有人@我', en: 'Mentions of me' },
  category: 'mention',
  urgent: false,
  emailDefault: true,
});

const TITLE: Record<Locale, string> = {
  'zh-CN': '{author} 在{where}里@了你',
  'zh-TW': '{author} 在{where}裡@了你',
  en: '{author} mentioned you in {where}',
};

/**
 * Notifies every active colleague @mentioned in `text` (not the author). `sourceKey` names the
 * record ('follow-up:<id>'): editing the text again notifies only the newly mentioned.
 */
export async function notifyMentions(
  trx: Db,
  m: { authorId: string; text: string; where: Record<Locale, string>; link: string; sourceKey: string },
): Promise<string[]> {
  if (!m.text.includes('@')) return [];
  const users = await trx.selectFrom('users').select(['id', 'username', 'display_name', 'locale']).where('active', '=', true).execute();
  const ids = mentionedIds(
    m.text,
    users.map((u) => ({ id: u.id, names: [u.display_name, u.username] })),
  ).filter((id) => id !== m.authorId);
  if (ids.length === 0) return [];
  const author = users.find((u) => u.id === m.authorId)?.display_name ?? '';
  const body = m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text;
  await notify(
    trx,
    ids.map((id) => {
      const raw = users.find((u) => u.id === id)?.locale ?? 'zh-CN';
      const locale = (raw in TITLE ? raw : 'zh-CN') as Locale;
      return {
        userId: id,
        kind: MENTION_KIND,
        title: format(TITLE[locale], { author, where: m.where[locale] }),
        body,
        link: m.link,
        dedupeKey: `mention:${m.sourceKey}`,
      };
    }),
  );
  return ids;
}
