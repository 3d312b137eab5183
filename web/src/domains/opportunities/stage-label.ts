import type { Locale } from '@contracts/common.js';
import { useTranslation } from 'react-i18next';

/** A stage's name in the reader's language (stages carry all three, like picklists). */
export function useStageLabel() {
  const { i18n } = useTranslation();
  const locale = (i18n.language as Locale) ?? 'zh-CN';
  return (labels: Record<Locale, string>) => labels[locale] || labels['zh-CN'];
}
