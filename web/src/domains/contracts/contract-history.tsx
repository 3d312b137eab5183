import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { quantity } from './contract-draft.js';

type Entry = Record<string, unknown> | null;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const MONEY = new Set(['amount', 'tax_total', 'cost_total']);

/**
 * P3 on a contract: field changes, plus what the server writes as one entry each — an amendment
 * (title and change in amount), progress on a line (line, percent, milestone, date), an end request.
 */
export function ContractHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation('contracts');
  const fieldLabel = (f: string) => {
    if (i18n.exists(`contracts:history.${f}`)) return t(`history.${f}`);
    const key = f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return i18n.exists(`contracts:fields.${key}`) ? t(`fields.${key}`) : f;
  };
  const valueLabel = (f: string, v: unknown): string | undefined => {
    if (v === null || v === undefined) return undefined;
    if (f === 'status' && typeof v === 'string' && i18n.exists(`contracts:status.${v}`)) return t(`status.${v}`);
    if (f === 'end_request' && typeof v === 'string' && i18n.exists(`contracts:end.${v}`)) return t(`end.${v}`);
    if (MONEY.has(f) && typeof v === 'string') return formatMoney(v);
    const e = v as Entry;
    if (f === 'amendment' && e)
      return `${str(e.title)}（${str(e.amountChange).startsWith('-') ? '' : '+'}${formatMoney(str(e.amountChange))}）`;
    if (f === 'progress' && e)
      return [str(e.line), `${quantity(str(e.percent))}%`, str(e.milestone), str(e.reachedOn)].filter(Boolean).join(' · ');
    return undefined;
  };
  return <HistoryTimeline plural="contracts" id={id} fieldLabel={fieldLabel} valueLabel={valueLabel} />;
}
