import type { Locale } from '@contracts/common.js';
import type { EntityDef } from './entity-registry.js';

const LOCALES: Locale[] = ['zh-CN', 'zh-TW', 'en'];
/** How lists of counts are joined: 3 位联系人、2 个商机 / 3 contacts, 2 opportunities. */
const SEPARATOR: Record<Locale, string> = { 'zh-CN': '、', 'zh-TW': '、', en: ', ' };

export type Localised = Record<Locale, string>;

const localised = (f: (locale: Locale) => string): Localised => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Localised;

/** '3 位联系人' / '1 contact' from the entity's `counted`, or a plain fallback for entities without one. */
function countedPhrase(def: EntityDef, n: number, locale: Locale): string {
  const form = def.counted?.[locale];
  const template = Array.isArray(form) ? form[n === 1 ? 0 : 1] : (form ?? `{n} × ${def.label[locale]}`);
  return template.replace('{n}', String(n));
}

/** The entity's label as it reads inside a sentence ('客户', 'customer'). */
export const inSentence = (def: EntityDef): Localised => localised((l) => (l === 'en' ? def.label.en.toLowerCase() : def.label[l]));

export interface DependantCount {
  def: EntityDef;
  count: number;
  /** A few titles, for the dependants that block a deletion. */
  titles?: string[];
}

/** '3 位联系人、2 个商机' in every language, for a message parameter. */
export function countsPhrase(counts: DependantCount[]): Localised {
  return localised((l) =>
    counts
      .map((c) => {
        const phrase = countedPhrase(c.def, c.count, l);
        if (!c.titles?.length) return phrase;
        const more = c.count > c.titles.length ? (l === 'en' ? ', …' : '等') : '';
        return l === 'en' ? `${phrase} (${c.titles.join(', ')}${more})` : `${phrase}（${c.titles.join('、')}${more}）`;
      })
      .join(SEPARATOR[l]),
  );
}
