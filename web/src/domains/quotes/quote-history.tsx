import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';
import { percent } from './quote-labels.js';

const MONEY = new Set(['list_total', 'subtotal', 'total', 'tax_total', 'cost_total']);
const PERCENT = new Set(['whole_discount', 'overall_discount', 'max_discount']);

/** P3 on the quote: its changes in the page's words — statuses by name, amounts as ¥, discounts as %. */
export function QuoteHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation('quotes');
  return (
    <HistoryTimeline
      plural="quotes"
      id={id}
      fieldLabel={(f) => {
        const key = f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
        return i18n.exists(`quotes:fields.${key}`) ? t(`fields.${key}`) : f;
      }}
      valueLabel={(f, v) => {
        if (v === null || v === undefined || v === '') return undefined;
        if (f === 'status' && i18n.exists(`quotes:status.${v}`)) return t(`status.${v}`);
        if (MONEY.has(f)) return formatMoney(String(v));
        if (PERCENT.has(f)) return percent(String(v)) === '—' ? '0%' : percent(String(v));
        return undefined;
      }}
    />
  );
}
