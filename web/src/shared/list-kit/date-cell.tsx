import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../dates.js';

/** A created/updated column's cell: the day, and the exact time on hover. */
export function DateCell({ at }: { at: string }) {
  const { i18n } = useTranslation();
  return <span title={formatDateTime(at, i18n.language)}>{formatDate(at, i18n.language)}</span>;
}
