import type { Locale } from '@contracts/common.js';

/** A message catalogue: nested keys, strings at the leaves. */
export type Messages = { [key: string]: string | Messages };

/**
 * What a translation of the source catalogue T must hold: exactly T's keys, nested the same way,
 * with strings at the leaves. Where a language has a singular, it adds `key_one` beside `key`
 * (i18next tries `key_one` / `key_other` for a count and falls back to `key`), so the source key is
 * the general form.
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & {
  [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
};

/** A namespace's catalogue in every locale: zh-CN is the source, the others its translations. */
export type Catalogue<T extends Messages> = { 'zh-CN': T } & { [L in Exclude<Locale, 'zh-CN'>]: Translation<T> };

/**
 * Declares a namespace's messages (see app/i18n.ts for the shape): the keys are read from zh-CN,
 * and zh-TW and en fail to compile when a key is missing, misspelt or left over.
 */
export function defineMessages<const T extends Messages>(catalogue: { 'zh-CN': T } & NoInfer<Catalogue<T>>): Catalogue<T> {
  return catalogue;
}
