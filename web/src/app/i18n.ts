import { LOCALES } from '@contracts/common.js';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { webDomains } from '../domains/index.js';
import { commonMessages } from './common-messages.js';
import { initialLocale } from './locale.js';

/*
 * Messages: one namespace per web domain (its `key`), plus 'common' for the shell. Each namespace
 * lives in one file beside its pages, `domains/<domain>/messages.ts`, in one shape:
 *
 *   export const taskMessages = defineMessages({
 *     'zh-CN': { fields: { title: '任务标题' }, count: '{{count}} 项' },
 *     'zh-TW': { fields: { title: '任務標題' }, count: '{{count}} 項' },
 *     en: { fields: { title: 'Title' }, count: '{{count}} tasks', count_one: '{{count}} task' },
 *   });
 *
 * zh-CN is the source: its keys are the catalogue's type. zh-TW and en must have exactly the same
 * keys (a missing, misspelt or left-over key does not compile); a language with a singular adds
 * `key_one` beside the general `key`. Message catalogues may run past the 400-line rule for files.
 * The type and `defineMessages` are in app/message-catalogue.ts.
 */
const resources = Object.fromEntries(
  LOCALES.map((l) => [l, { common: commonMessages[l], ...Object.fromEntries(webDomains.map((d) => [d.key, d.messages[l]])) }]),
);

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: ['common', ...webDomains.map((d) => d.key)],
  interpolation: { escapeValue: false },
});

export default i18n;
