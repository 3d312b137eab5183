import { LOCALES, type Locale } from '@contracts/common.js';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { webDomains } from '../domains/index.js';
import { commonMessages } from './common-messages.js';

const STORAGE_KEY = 'crm.locale';

export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  const nav = navigator.language.toLowerCase();
  if (nav.startsWith('en')) return 'en';
  if (nav.startsWith('zh-tw') || nav.startsWith('zh-hk')) return 'zh-TW';
  return 'zh-CN';
}

export function rememberLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
}

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
