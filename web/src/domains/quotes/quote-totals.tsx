import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import { Margin, percent } from './quote-labels.js';

export interface TotalsFigures {
  listTotal: string;
  subtotal: string;
  wholeDiscount: string;
  total: string;
  taxTotal: string;
  overallDiscount: string;
  /** Absent or null for those who may not see costs. */
  margin?: string | null;
  marginRate?: string | null;
}

/**
 * 合计 / 整单折扣 / 总计（含税） / 其中税额 under the lines, with the discount off the list prices all
 * told and, for those who may see costs, the margin. `wholeDiscount` may be an input (the editor).
 */
export function QuoteTotals({
  f,
  wholeDiscountInput,
  showMargin,
}: {
  f: TotalsFigures;
  wholeDiscountInput?: ReactNode;
  showMargin: boolean;
}) {
  const { t } = useTranslation('quotes');
  const rows: [string, ReactNode, string?][] = [
    [t('fields.listTotal'), formatMoney(f.listTotal)],
    [t('fields.subtotal'), formatMoney(f.subtotal)],
    [t('fields.wholeDiscount'), wholeDiscountInput ?? percent(f.wholeDiscount)],
    [t('fields.total'), formatMoney(f.total), 'quote-total-main'],
    [t('fields.taxTotal'), formatMoney(f.taxTotal)],
    [t('fields.overallDiscount'), percent(f.overallDiscount)],
    ...(showMargin
      ? ([
          [t('fields.margin'), <Margin key="m" value={f.margin} />],
          [t('fields.marginRate'), f.marginRate ? `${f.marginRate}%` : '—'],
        ] as [string, ReactNode][])
      : []),
  ];
  return (
    <div className="quote-totals" data-testid="quote-totals">
      {rows.map(([label, value, className]) => (
        <div key={label} style={{ display: 'contents' }}>
          <Typography.Text type="secondary">{label}</Typography.Text>
          <span className={className} data-testid={className}>
            {value}
          </span>
        </div>
      ))}
    </div>
  );
}
