import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { HistoryTimeline } from '../../shared/history-timeline.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** P3 on an order: field and status changes, and each delivery recorded or undone as one entry. */
export function OrderHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation('orders');
  const fieldLabel = (f: string) => {
    if (i18n.exists(`orders:history.${f}`)) return t(`history.${f}`);
    const key = f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return i18n.exists(`orders:fields.${key}`) ? t(`fields.${key}`) : f;
  };
  const valueLabel = (f: string, v: unknown): string | undefined => {
    if (v === null || v === undefined) return undefined;
    if (f === 'status' && typeof v === 'string' && i18n.exists(`orders:status.${v}`)) return t(`status.${v}`);
    if (f === 'total' && typeof v === 'string') return formatMoney(v);
    if (f === 'delivery' && typeof v === 'object') {
      const e = v as Record<string, unknown>;
      return [str(e.deliveredOn), str(e.trackingNo)].filter(Boolean).join(' · ');
    }
    return undefined;
  };
  return <HistoryTimeline plural="orders" id={id} fieldLabel={fieldLabel} valueLabel={valueLabel} />;
}
