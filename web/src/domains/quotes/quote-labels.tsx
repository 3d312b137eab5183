import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format.js';
import type { QuoteStatus } from './api.js';

const STATUS_COLOR: Record<QuoteStatus, string> = {
  draft: 'default',
  in_approval: 'processing',
  approved: 'cyan',
  sent: 'blue',
  accepted: 'success',
  rejected: 'error',
  expired: 'warning',
  superseded: 'default',
};

/** 草稿 / 审批中 / 审批通过 / 已发送 / 客户已接受 / 客户已拒绝 / 已过期 / 已有新版本. */
export function QuoteStatusTag({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation('quotes');
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="quote-status" style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** BJ-20250612-003 with its version after it once there is more than one: BJ-20250612-003 v2. */
export function QuoteNumber({ number, revision }: { number: string; revision: number }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {number}
      {revision > 1 && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
          v{revision}
        </Typography.Text>
      )}
    </span>
  );
}

/** '3.00' → '3', '1.50' → '1.5', '10' → '10': trailing decimal zeros only. */
export const quantity = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** '13.00' → '13%', '12.50' → '12.5%', '0.00' → '—'. */
export const percent = (v: string | null | undefined) => (v && Number(v) ? `${quantity(v)}%` : '—');

/** A margin in money; a loss in red. */
export function Margin({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return '—';
  return value.startsWith('-') ? <Typography.Text type="danger">{formatMoney(value)}</Typography.Text> : formatMoney(value);
}
